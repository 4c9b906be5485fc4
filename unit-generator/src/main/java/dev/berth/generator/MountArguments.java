package dev.berth.generator;

import dev.berth.spec.Position;
import dev.berth.spec.quadlet.QuadletBehaviour;
import dev.berth.spec.quadlet.SectionReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Mount=}: one {@code --mount} per word. For mounts whose source is a storage location (bind, glob,
 * volume, image) the source is resolved like a {@code Volume=} source, and the mount is rewritten as CSV with
 * {@code type=} first and {@code source=} in place of {@code src=}; other mounts pass through as written.
 */
public final class MountArguments {

    /** The mount types whose source Quadlet resolves. */
    static final Set<String> SOURCE_TYPES = Set.of("volume", "bind", "glob", "image");

    private MountArguments() {
    }

    public static void add(TranslationContext ctx, SectionReader section, ServiceBuilder service, PodmanCommand podman) {
        for (SectionReader.Word w : section.argWords("Mount")) {
            rewrite(ctx, service, w.text(), w.entry().valuePosition()).ifPresent(m -> podman.add("--mount", m));
        }
    }

    /** The {@code --mount} value for one mount, or empty after an error. */
    public static Optional<String> rewrite(TranslationContext ctx, ServiceBuilder service, String mount, Position at) {
        CsvRecord.Parsed parsed = CsvRecord.parse(mount);
        if (parsed.problem().isPresent()) {
            ctx.error(at, "Mount=" + mount + " is not a valid mount: " + parsed.problem().get(),
                    "write it as type=<bind|volume|tmpfs|...>,source=<...>,destination=<...>[,options]; quote a field "
                            + "containing commas as \"...\"");
            return Optional.empty();
        }
        String type = null;
        List<String> tokens = new ArrayList<>();
        for (String field : parsed.fields()) {
            // Like podman, only a field of exactly "type=<t>" names the type, and only the first one.
            String[] kv = field.split("=", -1);
            if (type == null && kv.length == 2 && kv[0].equals("type")) {
                type = kv[1];
            } else {
                tokens.add(field);
            }
        }
        if (type == null && ctx.options().target().has(QuadletBehaviour.MOUNT_TYPE_DEFAULTS_TO_VOLUME)) {
            type = "volume"; // as podman run --mount does since 5.6
        }
        if (type == null) {
            ctx.error(at, "Mount=" + mount + " has no type", "start it with type=bind, type=volume, type=tmpfs, ...");
            return Optional.empty();
        }
        int sourceIndex = -1;
        String source = "";
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            int eq = token.indexOf('=');
            String key = eq < 0 ? token : token.substring(0, eq);
            if (key.equals("source") || key.equals("src")) {
                if (eq < 0) {
                    ctx.error(at, "Mount=" + mount + ": '" + key + "' has no value", "write " + key + "=<source>");
                    return Optional.empty();
                }
                sourceIndex = i;
                source = token.substring(eq + 1);
            }
        }
        boolean artifactReference = type.equals("artifact") && source.endsWith(".artifact")
                && ctx.options().target().has(QuadletBehaviour.ARTIFACT_KIND);
        if (!SOURCE_TYPES.contains(type) && !artifactReference) {
            return Optional.of(mount);
        }
        if (source.isEmpty()) {
            if (type.equals("volume") && !ctx.options().target().has(QuadletBehaviour.ANONYMOUS_MOUNT)) {
                ctx.error(at, "Mount=" + mount + " has no source; an anonymous volume mount needs Quadlet 6.0",
                        "add source=<volume>, or raise [Generator] QuadletVersion= in berth.conf to 6.0");
                return Optional.empty();
            }
            if (!type.equals("volume")) {
                // Quadlet 5.4.2 crashes here; a volume mount without source is an anonymous volume.
                ctx.error(at, "Mount=" + mount + " has no source, which a " + type + " mount needs",
                        "add source=<...>");
                return Optional.empty();
            }
        } else {
            Optional<String> resolved = VolumeArguments.resolveSource(ctx, service, "Mount", source, true, at);
            if (resolved.isEmpty()) {
                return Optional.empty();
            }
            tokens.set(sourceIndex, "source=" + resolved.get());
        }
        tokens.add(0, "type=" + type);
        return Optional.of(CsvRecord.write(tokens));
    }
}
