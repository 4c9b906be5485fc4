package dev.berth.generator;

import dev.berth.spec.quadlet.BerthKeys;
import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Line;
import dev.berth.spec.syntax.Section;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code [X-Berth]} keys of a {@code .container} file ({@link BerthKeys}): checkpoint on stop, restore on
 * start. They change what the unit runs (a small shell helper, {@link #HELPER}, around podman) and nothing else;
 * a file without them gives the unit Quadlet gives, byte for byte.
 *
 * @param checkpointOnStop {@code CheckpointOnStop=true}
 * @param restoreLatest    {@code RestoreOnStart=latest}
 */
record BerthSection(boolean checkpointOnStop, boolean restoreLatest) {

    /** The helper the generated unit runs: packaging/bin/berth-unit-helper, installed beside berth-generator. */
    static final String HELPER = "/usr/lib/berth/berth-unit-helper";

    boolean any() {
        return checkpointOnStop || restoreLatest;
    }

    /** Reads and checks the section; empty when the file has none (the usual case, which costs one lookup). */
    static Optional<BerthSection> read(TranslationContext ctx) {
        Optional<Section> section = ctx.unit().file().section(BerthKeys.SECTION);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        for (Line line : section.get().lines()) {
            if (line instanceof Entry e && BerthKeys.find(e.key()).isEmpty()) {
                String fix = BerthKeys.names().stream()
                        .filter(k -> KeyCatalog.distance(k.toLowerCase(Locale.ROOT),
                                e.key().toLowerCase(Locale.ROOT)) <= 3)
                        .findFirst().map(k -> "did you mean '" + k + "'?")
                        .orElse("the keys of [X-Berth] are CheckpointOnStop= and RestoreOnStart=");
                ctx.error(e.position(), "unknown key '" + e.key() + "' in [X-Berth]", fix);
            }
        }
        SectionReader reader = new SectionReader(section.get(), ctx.sink());
        boolean checkpoint = reader.bool("CheckpointOnStop", false);
        boolean restore = false;
        Optional<String> restoreValue = reader.single("RestoreOnStart");
        if (restoreValue.isPresent()) {
            String v = restoreValue.get().trim().toLowerCase(Locale.ROOT);
            if (!BerthKeys.RESTORE_VALUES.contains(v)) {
                ctx.error(reader.lastEntry("RestoreOnStart").map(Entry::valuePosition)
                                .orElse(reader.positionOf("RestoreOnStart")),
                        "RestoreOnStart=" + restoreValue.get() + " is not a restore choice",
                        "use RestoreOnStart=latest (restore the newest checkpoint) or RestoreOnStart=no");
            }
            restore = v.equals("latest");
        }
        BerthSection berth = new BerthSection(checkpoint, restore);
        if (berth.any() && ctx.options().user()) {
            Entry first = section.get().lines().stream().filter(Entry.class::isInstance).map(Entry.class::cast)
                    .findFirst().orElseThrow();
            ctx.warning(first.position(), "CheckpointOnStop= and RestoreOnStart= are ignored in a user unit: "
                            + "podman checkpoints and restores only as root",
                    "run the container as a system unit (/etc/containers/systemd) to checkpoint it");
            return Optional.empty();
        }
        return Optional.of(berth);
    }

    /** {@code ExecStop=} that checkpoints the running container before the usual removal. */
    String stopLine(String containerName) {
        return HELPER + " stop " + containerName;
    }

    /** {@code ExecStart=} ({@code image}: {@code -} for none) that restores the newest checkpoint, or runs {@code runLine} as usual. */
    String startLine(String image, String runLine) {
        return HELPER + " start latest " + image + " -- " + runLine;
    }
}
