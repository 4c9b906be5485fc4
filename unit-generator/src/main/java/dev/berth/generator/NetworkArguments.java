package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Entry;
import java.util.Optional;

/**
 * {@code Network=}: one {@code --network} per non-empty value. {@code x.network[:options]} becomes that network's
 * name (options kept) and {@code x.container} becomes {@code container:<its name>}; either way the unit requires and
 * follows the other file's service. Used by .container, .pod, .kube and .build files.
 */
public final class NetworkArguments {

    private NetworkArguments() {
    }

    public static void add(TranslationContext ctx, SectionReader section, ServiceBuilder service, PodmanCommand podman) {
        for (Entry e : section.entries("Network")) {
            resolve(ctx, e, service).ifPresent(n -> podman.add("--network", n));
        }
    }

    /** The {@code --network} value for one assignment, or empty after an error. */
    static Optional<String> resolve(TranslationContext ctx, Entry e, ServiceBuilder service) {
        String value = e.value();
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        boolean network = name.endsWith(".network");
        boolean container = name.endsWith(".container");
        if (!network && !container) {
            return Optional.of(value);
        }
        Optional<UnitInfo> info = UnitReferences.find(ctx, "Network", name, e.valuePosition());
        if (info.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> resource = UnitReferences.resourceName(ctx, "Network", name, info.get(), e.valuePosition());
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        UnitReferences.requireAndFollow(service, info.get());
        if (container) {
            if (colon >= 0) {
                reportContainerOptions(ctx, e, name, colon);
                return Optional.empty();
            }
            return Optional.of("container:" + resource.get());
        }
        return Optional.of(colon < 0 ? resource.get() : resource.get() + value.substring(colon));
    }

    /** Kept out of {@link #resolve}, which every file runs: the JIT compiler then compiles less. */
    private static void reportContainerOptions(TranslationContext ctx, Entry e, String name, int colon) {
        String value = e.value();
        ctx.error(e.valuePosition().atColumn(e.valuePosition().column() + value.codePointCount(0, colon)),
                "Network=" + name + " joins another container's network, which takes no options",
                "remove '" + value.substring(colon) + "'");
    }
}
