package dev.berth.generator;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code [Install]} section of a generated unit turned into symbolic links. Generated units cannot be
 * enabled with {@code systemctl enable}, so the generator makes the links itself (Quadlet's
 * {@code enableServiceFile}).
 *
 * <ul>
 *   <li>{@code Alias=a.service} → {@code a.service} pointing at the unit;
 *   <li>{@code WantedBy=}, {@code RequiredBy=}, {@code UpheldBy=} {@code t} → {@code t.wants/}, {@code t.requires/},
 *       {@code t.upholds/} {@code <unit>} pointing at {@code ../<unit>}; values with a {@code /} are ignored;
 *   <li>a template ({@code foo@.service}) is linked as {@code foo@<DefaultInstance>.service}, and not at all
 *       without {@code DefaultInstance=} (its {@code [Install]} still applies to instances made by symlink).
 * </ul>
 * Pure: computes the links, writes nothing.
 */
public final class InstallLinks {

    private InstallLinks() {
    }

    public static List<InstallLink> of(GeneratedUnit unit) {
        return of(unit, new ArrayList<>());
    }

    /** The links, reporting values that cannot become links into {@code diagnostics}. */
    public static List<InstallLink> of(GeneratedUnit unit, List<Diagnostic> diagnostics) {
        List<InstallLink> links = new ArrayList<>();
        Optional<Section> install = unit.unit().section("Install");
        if (install.isEmpty()) {
            return links;
        }
        List<Diagnostic> ignoredSplitProblems = new ArrayList<>();
        SectionReader reader = new SectionReader(install.get(), ignoredSplitProblems);
        String service = unit.fileName();

        for (Entry e : reader.entries("Alias")) {
            for (String alias : wordsOf(e, reader)) {
                Path clean = Path.of(alias).normalize();
                if (clean.isAbsolute() || clean.startsWith("..") || clean.toString().isEmpty()) {
                    diagnostics.add(Diagnostic.warning(e.valuePosition(),
                            "Alias '" + alias + "' does not name a unit inside the generator directory; no link is made",
                            "use a plain unit name such as 'other-name.service'"));
                    continue;
                }
                Path parent = clean.getParent();
                String target = parent == null ? service
                        : "../".repeat(parent.getNameCount()) + service;
                links.add(new InstallLink(clean, target));
            }
        }

        String linkedName = service;
        int at = service.indexOf('@');
        if (at >= 0) {
            String ext = FileNames.extension(service);
            String instance = service.substring(at + 1, service.length() - ext.length());
            if (instance.isEmpty()) {
                Optional<String> defaultInstance = reader.single("DefaultInstance");
                linkedName = defaultInstance.map(d -> service.substring(0, at) + "@" + d + ext).orElse(null);
            }
        }
        if (linkedName == null) {
            return links;
        }
        for (String[] kind : new String[][] {{"WantedBy", ".wants"}, {"RequiredBy", ".requires"}, {"UpheldBy", ".upholds"}}) {
            for (Entry e : reader.entries(kind[0])) {
                for (String target : wordsOf(e, reader)) {
                    if (target.contains("/")) {
                        diagnostics.add(Diagnostic.warning(e.valuePosition(),
                                kind[0] + "='" + target + "' is a path, not a unit name; no link is made",
                                "name the unit only, for example 'multi-user.target'"));
                        continue;
                    }
                    links.add(new InstallLink(Path.of(target + kind[1], linkedName), "../" + service));
                }
            }
        }
        return links;
    }

    /** The words of one entry, split like {@link SectionReader#words}. */
    private static List<String> wordsOf(Entry e, SectionReader reader) {
        Section one = new Section(reader.section().name(), reader.section().position(), List.of(e));
        return new SectionReader(one, new ArrayList<>()).words(e.key());
    }
}
