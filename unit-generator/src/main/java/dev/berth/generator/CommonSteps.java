package dev.berth.generator;

import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import dev.berth.spec.quadlet.QuadletBehaviour;
import dev.berth.spec.quadlet.QuadletVersion;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Line;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.Words;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Steps every kind's translation shares. Each translator calls them in the order its output needs. */
public final class CommonSteps {

    static final String UNIT = "Unit";
    static final String SERVICE = "Service";
    static final String INSTALL = "Install";
    static final String QUADLET = "Quadlet";

    /** The {@code [Unit]} keys whose values name units, so that naming a Quadlet file there works. */
    static final List<String> DEPENDENCY_KEYS = List.of("After", "Before", "BindsTo", "Conflicts", "OnFailure",
            "OnSuccess", "PartOf", "PropagatesReloadTo", "PropagatesStopTo", "ReloadPropagatedFrom", "Requires",
            "Requisite", "StopPropagatedFrom", "Upholds", "Wants");
    private static final Set<String> DEPENDENCY_KEY_SET = Set.copyOf(DEPENDENCY_KEYS);

    private CommonSteps() {
    }

    /** The main section of the file, merged, for reading values. */
    public static SectionReader main(TranslationContext ctx) {
        return ctx.main();
    }

    public static SectionReader quadletSection(TranslationContext ctx) {
        SourceUnit u = ctx.unit();
        Optional<Section> s = u.file().section(QUADLET);
        // Not orElse(new Section(..)): that would build the empty section for the files that have one too.
        return s.isPresent() ? new SectionReader(s.get(), ctx.sink())
                : SectionReader.empty(QUADLET, u.path(), ctx.sink());
    }

    /**
     * Reports every key of the main and {@code [Quadlet]} sections that berth does not know, each at its own
     * position with a suggestion (Quadlet stops at the first one and gives no position). Returns false when
     * the main section is missing.
     */
    public static boolean checkKeys(TranslationContext ctx) {
        return checkKeys(ctx, true);
    }

    /**
     * {@link #checkKeys(TranslationContext)}, where {@code sectionRequired=false} accepts a file without its main
     * section (Quadlet accepts an empty {@code .volume}, {@code .network} or {@code .pod}) and returns true then.
     */
    public static boolean checkKeys(TranslationContext ctx, boolean sectionRequired) {
        SourceUnit u = ctx.unit();
        String mainName = u.kind().section();
        if (sectionRequired && !u.file().hasSection(mainName)) {
            ctx.error(dev.berth.spec.Position.ofFile(u.path()).atColumn(0),
                    "a ." + u.kind().extension() + " file needs a [" + mainName + "] section",
                    "add a [" + mainName + "] section");
            return false;
        }
        reportUnknownKeys(ctx, mainName);
        reportUnknownKeys(ctx, QUADLET);
        if (u.file().hasSection(SERVICE)) {
            warnServiceUser(ctx);
        }
        return true;
    }

    /**
     * {@code User=}, {@code Group=} and {@code DynamicUser=} in {@code [Service]} run podman itself as another
     * user, which the generated commands are not made for (Quadlet warns since 5.6; berth for every target).
     */
    private static void warnServiceUser(TranslationContext ctx) {
        for (Section s : ctx.unit().file().sections()) {
            if (!s.name().equals(SERVICE)) {
                continue;
            }
            for (Entry e : s.entries()) {
                if (e.key().equals("User") || e.key().equals("Group") || e.key().equals("DynamicUser")) {
                    ctx.warning(e.position(), "[Service] " + e.key() + "= runs podman as another user, which Quadlet "
                                    + "does not support",
                            "remove it; for a rootless container use the user's own search path (berth --user), "
                                    + "or set User= in the main section to change the user inside the container");
                }
            }
        }
    }

    /** The unknown keys of every {@code section} section of the unit, reported in file order. */
    private static void reportUnknownKeys(TranslationContext ctx, String section) {
        Set<String> known = null;
        List<Section> sections = ctx.unit().file().sections();
        for (int i = 0; i < sections.size(); i++) { // indexed: C1 allocates an iterator for a for-each
            Section s = sections.get(i);
            if (!s.name().equals(section)) {
                continue;
            }
            if (known == null) {
                known = KeyCatalog.knownKeys(section); // once per section, not once per line
            }
            List<Line> lines = s.lines();
            boolean newest = ctx.options().target().equals(QuadletVersion.NEWEST);
            for (int k = 0; k < lines.size(); k++) {
                if (lines.get(k) instanceof Entry e) {
                    if (!known.contains(e.key())) {
                        reportUnknownKey(ctx, section, e);
                    } else if (!newest) {
                        reportNewerKey(ctx, section, e);
                    }
                }
            }
        }
    }

    /**
     * A key the target's Quadlet does not know yet: that Quadlet refuses the file ("unsupported key"), and so does
     * berth under that target, saying which version brought the key.
     */
    private static void reportNewerKey(TranslationContext ctx, String section, Entry e) {
        KeySpec spec = KeyCatalog.require(section, e.key());
        QuadletVersion target = ctx.options().target();
        if (!target.knows(spec)) {
            ctx.error(e.position(), "'" + e.key() + "' in [" + section + "] needs Quadlet " + spec.since()
                            + ", but berth generates for Quadlet " + target,
                    "remove the key, or raise [Generator] QuadletVersion= in berth.conf to " + spec.since()
                            + " or later");
        }
    }

    private static void reportUnknownKey(TranslationContext ctx, String section, Entry e) {
        Optional<String> fix = KeyCatalog.suggestion(section, e.key());
        ctx.error(e.position(), "unknown key '" + e.key() + "' in [" + section + "]",
                fix.orElse("see berth-keys(5) or 'berth keys " + section.toLowerCase() + "' for the supported keys"));
    }

    /** {@code [Container]} → {@code [X-Container]} and {@code [Quadlet]} → {@code [X-Quadlet]}: kept, but ignored by systemd. */
    public static void renameSections(ServiceBuilder service, UnitKind kind) {
        service.rename(kind.section(), kind.generatedSection());
        service.rename(QUADLET, "X-" + QUADLET);
    }

    /** {@code Wants=} and {@code After=} the network being online, first in {@code [Unit]}, unless disabled. */
    public static void defaultDependencies(ServiceBuilder service, TranslationContext ctx) {
        // Most files have no [Quadlet] section, and then no reader is needed to know the default.
        if (ctx.unit().file().hasSection(QUADLET) && !quadletSection(ctx).bool("DefaultDependencies", true)) {
            return;
        }
        String target = ctx.options().user() ? "podman-user-wait-network-online.service" : "network-online.target";
        service.prepend(UNIT, "After", target);
        service.prepend(UNIT, "Wants", target);
    }

    /** {@code podman [--module=M]... [GlobalArgs...]}, the start of every podman command a unit runs. */
    public static PodmanCommand basePodman(TranslationContext ctx) {
        SectionReader main = main(ctx);
        PodmanCommand cmd = ctx.podman();
        for (String module : main.list("ContainersConfModule")) {
            cmd.add("--module=" + module);
        }
        cmd.addAll(main.args("GlobalArgs"));
        return cmd;
    }

    /**
     * Rewrites {@code [Unit]} dependency values that name Quadlet files ({@code After=db.container}) to the
     * services those files become, and reports names of Quadlet files that do not exist.
     */
    public static void translateUnitDependencies(ServiceBuilder service, TranslationContext ctx) {
        if (!ctx.options().target().has(QuadletBehaviour.UNIT_DEPENDENCY_NAMES)) {
            return; // older Quadlets pass the names through
        }
        List<Entry> unitEntries = service.entries(UNIT);
        // Which dependency keys are set at all, in one pass: most units set one or two of the fifteen, or none.
        Set<String> present = null;
        for (int i = 0; i < unitEntries.size(); i++) {
            Entry e = unitEntries.get(i);
            if (DEPENDENCY_KEY_SET.contains(e.key())) {
                if (present == null) {
                    present = new HashSet<>();
                }
                present.add(e.key());
            }
        }
        if (present == null) {
            return;
        }
        for (String key : DEPENDENCY_KEYS) {
            if (present.contains(key)) {
                // Rewriting one key's lines leaves the others' alone, so one snapshot of [Unit] serves every key.
                translateDependency(service, ctx, key, unitEntries);
            }
        }
    }

    /** {@link #translateUnitDependencies} for the lines of one key. */
    private static void translateDependency(ServiceBuilder service, TranslationContext ctx, String key,
                                            List<Entry> unitEntries) {
        boolean translated = false;
        List<String> words = new ArrayList<>();
        for (Entry e : unitEntries) {
            if (!e.key().equals(key)) {
                continue;
            }
            if (e.isEmptyAssignment()) {
                words.clear();
                continue;
            }
            for (String w : Words.split(e.value(), Words.Style.LIST).words()) {
                if (UnitKind.ofFileName(w).isPresent()) {
                    UnitInfo info = ctx.index().get(w);
                    if (info == null) {
                        reportMissingDependency(ctx, key, e, w);
                        words.add(w);
                    } else {
                        words.add(info.serviceFileName());
                    }
                    translated = true;
                } else {
                    words.add(w);
                }
            }
        }
        if (translated) {
            // As Quadlet does: the key's lines are replaced by one line, at the end of [Unit].
            service.unset(UNIT, key);
            service.add(UNIT, key, String.join(" ", words));
        }
    }

    private static void reportMissingDependency(TranslationContext ctx, String key, Entry e, String name) {
        ctx.error(e.valuePosition(), "[Unit] " + key + "= names " + name + ", but there is no such Quadlet file",
                "create " + name + " in one of the unit directories, or fix the name");
    }

    /** {@code SyslogIdentifier=%N}, {@code Type=oneshot} and optionally {@code RemainAfterExit=yes}, each unless set. */
    public static void oneshotDefaults(ServiceBuilder service, boolean remainAfterExit) {
        service.setDefault(SERVICE, "SyslogIdentifier", "%N");
        service.setDefault(SERVICE, "Type", "oneshot");
        if (remainAfterExit) {
            service.setDefault(SERVICE, "RemainAfterExit", "yes");
        }
    }

    /** Whether a path starts with a systemd specifier such as {@code %h}; those are left for systemd to expand. */
    public static boolean startsWithSpecifier(String path) {
        return path.length() >= 2 && path.charAt(0) == '%' && path.charAt(1) != '%';
    }

    /** Makes a relative path absolute against the unit's directory; specifier paths stay as written. */
    public static String absolutePath(TranslationContext ctx, String path) {
        if (path.startsWith("/") || startsWithSpecifier(path)) {
            return path;
        }
        return normalize(ctx.unit().directory() + "/" + path);
    }

    /** Like Go's filepath.Clean for absolute paths: removes {@code .}, {@code ..} and doubled slashes. */
    public static String normalize(String absolute) {
        // The components are cut at the slashes and appended as they come; ".." takes the last one off again.
        StringBuilder out = new StringBuilder(absolute.length() + 1);
        int start = 0;
        while (start <= absolute.length()) {
            int slash = absolute.indexOf('/', start);
            int end = slash < 0 ? absolute.length() : slash;
            int length = end - start;
            if (length == 2 && absolute.charAt(start) == '.' && absolute.charAt(start + 1) == '.') {
                int last = out.lastIndexOf("/");
                out.setLength(Math.max(last, 0));
            } else if (length > 0 && !(length == 1 && absolute.charAt(start) == '.')) {
                out.append('/').append(absolute, start, end);
            }
            start = end + 1;
        }
        return out.isEmpty() ? "/" : out.toString();
    }
}
