package dev.berth.generator;

import dev.berth.spec.Position;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Words;
import java.util.Optional;

/**
 * {@code Volume=[source:]destination[:options]}: one {@code -v} per value. The source may be a path ({@code ./x}
 * is made absolute against the unit's directory; an absolute path adds {@code RequiresMountsFor=}), a volume
 * name, or {@code x.volume} (that file's volume, and the unit requires and follows its service). Used by .container,
 * .pod and .build files; {@link #resolveSource} is also used for {@code Mount=} sources.
 */
public final class VolumeArguments {

    private VolumeArguments() {
    }

    public static void add(TranslationContext ctx, SectionReader section, ServiceBuilder service, PodmanCommand podman) {
        for (Entry e : section.entries("Volume")) {
            Optional<String> v = argument(ctx, e, service);
            if (v.isPresent()) {
                podman.add("-v", v.get());
            }
        }
    }

    /** The {@code -v} value of one assignment, or empty after an error. */
    static Optional<String> argument(TranslationContext ctx, Entry e, ServiceBuilder service) {
        // At most three parts at ':', as Quadlet splits it; options may contain ':' themselves. Cut at the colons
        // rather than with String.split, which is one more JDK method for the JIT compiler while the generator runs.
        String value = e.value();
        int first = value.indexOf(':');
        if (first < 0) {
            return Optional.of(value);
        }
        int second = value.indexOf(':', first + 1);
        String source = value.substring(0, first);
        String destination = second < 0 ? value.substring(first + 1) : value.substring(first + 1, second);
        String options = second < 0 ? "" : value.substring(second); // with its ':'
        if (source.isEmpty()) {
            if (!options.isEmpty()) {
                // Quadlet writes "-v <destination>" here and drops the options without a word.
                reportEmptySource(ctx, e, destination, options.substring(1));
                return Optional.empty();
            }
            return Optional.of(destination);
        }
        Optional<String> resolved = resolveSource(ctx, service, "Volume", source, false, e.valuePosition());
        return resolved.isEmpty() ? resolved : Optional.of(resolved.get() + ":" + destination + options);
    }

    /** Errors in methods of their own, out of the methods every volume passes through (less for the JIT compiler). */
    private static void reportEmptySource(TranslationContext ctx, Entry e, String destination, String options) {
        ctx.error(e.valuePosition(), "Volume= has an empty source, so Quadlet would drop the options '"
                        + options + "'",
                "name a source (a volume name, a path or a .volume file), or use Mount=type=volume,destination="
                        + destination + ",... for an anonymous volume with options");
    }

    private static void reportNoSource(TranslationContext ctx, String key, Position at) {
        ctx.error(at, key + "= has an empty source", "name a path, a volume, or a Quadlet file");
    }

    /**
     * A storage source as Quadlet resolves it: {@code .}-relative paths made absolute, absolute paths recorded as
     * {@code RequiresMountsFor=}, {@code x.volume} (and, when {@code quadletImages}, {@code x.image} and
     * {@code x.artifact}) replaced by the object that file creates, with {@code Requires=}/{@code After=} its
     * service. Anything else (a named volume, an image) passes through. Empty after an error.
     */
    public static Optional<String> resolveSource(TranslationContext ctx, ServiceBuilder service, String key,
                                                 String source, boolean quadletImages, Position at) {
        if (source.isEmpty()) {
            reportNoSource(ctx, key, at);
            return Optional.empty();
        }
        String s = source;
        if (s.charAt(0) == '.') {
            s = CommonSteps.absolutePath(ctx, s);
        }
        if (s.charAt(0) == '/') {
            // Quoted only when needed: a path with blanks would otherwise be read by systemd as several paths.
            service.add(CommonSteps.UNIT, "RequiresMountsFor", Words.quoteValue(s));
            return Optional.of(s);
        }
        boolean quadlet = s.endsWith(".volume") || (quadletImages && (s.endsWith(".image") || s.endsWith(".artifact")));
        if (!quadlet) {
            return Optional.of(s);
        }
        Optional<UnitInfo> info = UnitReferences.find(ctx, key, s, at);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        UnitReferences.requireAndFollow(service, info.get());
        return UnitReferences.resourceName(ctx, key, s, info.get(), at);
    }
}
