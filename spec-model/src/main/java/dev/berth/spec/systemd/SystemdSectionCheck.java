package dev.berth.spec.systemd;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Section;
import dev.berth.spec.syntax.UnitFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what a Quadlet file hands to systemd unchanged: its {@code [Unit]}, {@code [Service]} and {@code [Install]}
 * sections (directive names and value syntax against systemd 257), and sections nobody reads.
 *
 * <p>Everything here is a warning: Quadlet copies these lines into the unit without looking, and systemd logs
 * "Unknown key", "Unknown section" or "Failed to parse ..., ignoring" and runs the unit without them. The unit
 * still loads, so berth generates it as Quadlet does; {@code berth check} says what will be lost.
 */
public final class SystemdSectionCheck {

    private final SystemdDirectives directives;

    public SystemdSectionCheck(SystemdDirectives directives) {
        this.directives = directives;
    }

    /**
     * @param file the Quadlet file with its drop-ins merged
     * @param ownSections the sections Quadlet reads in this kind of file ({@code Container} and {@code Quadlet})
     * @param otherQuadletSections the main sections of the other kinds, for "belongs in a .pod file"
     */
    public List<Diagnostic> check(UnitFile file, Set<String> ownSections, Set<String> otherQuadletSections) {
        List<Diagnostic> out = new ArrayList<>();
        for (Section section : file.sections()) {
            String name = section.name();
            if (SystemdDirectives.SECTIONS.contains(name)) {
                for (Entry e : section.entries()) {
                    checkEntry(name, e, out);
                }
            } else if (!ownSections.contains(name) && !name.startsWith("X-")) {
                unknownSection(section, ownSections, otherQuadletSections, out);
            }
        }
        return out;
    }

    private void checkEntry(String section, Entry e, List<Diagnostic> out) {
        if (e.key().startsWith("X-")) {
            return; // systemd ignores X- keys silently, by design
        }
        Optional<String> label = directives.valueLabel(section, e.key());
        if (label.isEmpty()) {
            out.add(Diagnostic.warning(e.position(), "unknown key '" + e.key() + "' in [" + section
                    + "]: systemd 257 ignores it", directives.suggestion(section, e.key())
                    .orElse("see systemd.directives(7); prefix it with X- if it is meant for another tool")));
            return;
        }
        SystemdValues.check(section, e.key(), label.get(), e.value()).ifPresent(p ->
                out.add(new Diagnostic(dev.berth.spec.Severity.WARNING, e.valuePosition(), p.message(), p.fix())));
    }

    private static void unknownSection(Section section, Set<String> own, Set<String> otherQuadlet,
                                       List<Diagnostic> out) {
        List<String> candidates = new ArrayList<>(SystemdDirectives.SECTIONS);
        candidates.addAll(own);
        Optional<String> meant = SystemdDirectives.Closest.among(section.name(), candidates);
        String fix;
        if (meant.isPresent()) {
            fix = "did you mean [" + meant.get() + "]?";
        } else if (otherQuadlet.contains(section.name())) {
            fix = "[" + section.name() + "] is read only in ." + section.name().toLowerCase(java.util.Locale.ROOT)
                    + " files";
        } else {
            fix = "name it [X-" + section.name() + "] if it is meant for another tool";
        }
        Position at = section.position();
        out.add(Diagnostic.warning(at, "unknown section [" + section.name() + "]: neither Quadlet nor systemd reads "
                + "it, so its " + section.entries().size() + " line(s) have no effect", fix));
    }
}
