package dev.berth.generator;

import dev.berth.spec.Position;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Entry;
import java.util.List;
import java.util.Optional;

/**
 * Steps the volume, network, image, build, artifact, pod and kube translations share: the opening of the
 * service in Quadlet 5.4.2's order and where their problems are reported. The argument helpers they use are
 * shared with {@code .container} ({@link CatalogFlags}, {@link KeyValueArguments}, {@link NetworkArguments}...).
 */
final class KindSteps {

    /** Where Quadlet 5.4.2 puts {@code SourcePath=} relative to {@code RequiresMountsFor=%t/containers}. */
    enum UnitOrder {
        /** Every kind but {@code .build}. */
        SOURCE_PATH_FIRST,
        /** {@code .build}: ConvertBuild adds the mount requirement before the source path. */
        MOUNTS_FIRST
    }

    private KindSteps() {
    }

    /**
     * The service as a copy of the source with the common {@code [Unit]} lines: dependency names translated,
     * the network-online dependency, {@code SourcePath=} and {@code RequiresMountsFor=%t/containers}; the main
     * and {@code [Quadlet]} sections renamed to {@code X-...}.
     */
    static ServiceBuilder openService(TranslationContext ctx, UnitOrder order) {
        SourceUnit unit = ctx.unit();
        checkServiceName(ctx);
        ServiceBuilder service = new ServiceBuilder(serviceFileName(ctx), unit.file());
        // Quadlet 5.4.2 does not translate [Unit] dependencies on Quadlet files; later Quadlets do it first,
        // before the default dependencies are prepended.
        CommonSteps.translateUnitDependencies(service, ctx);
        CommonSteps.defaultDependencies(service, ctx);
        if (order == UnitOrder.MOUNTS_FIRST) {
            service.add(CommonSteps.UNIT, "RequiresMountsFor", "%t/containers");
            service.add(CommonSteps.UNIT, "SourcePath", unit.path());
        } else {
            service.add(CommonSteps.UNIT, "SourcePath", unit.path());
            service.add(CommonSteps.UNIT, "RequiresMountsFor", "%t/containers");
        }
        CommonSteps.renameSections(service, unit.kind());
        TemplateNames.check(ctx);
        return service;
    }

    /** The podman object's name, from the index (worked out for the target before translation). */
    static String resourceName(TranslationContext ctx) {
        UnitInfo info = ctx.index().get(ctx.unit().fileName());
        return info != null ? info.resourceName().orElseThrow()
                : UnitNames.resourceName(ctx.unit()).orElseThrow();
    }

    static String serviceFileName(TranslationContext ctx) {
        UnitInfo info = ctx.index().get(ctx.unit().fileName());
        return info != null ? info.serviceFileName() : UnitNames.serviceName(ctx.unit()) + ".service";
    }

    /** {@code ServiceName=} with an empty value names the service {@code .service} in Quadlet; berth refuses it. */
    static void checkServiceName(TranslationContext ctx) {
        SectionReader main = CommonSteps.main(ctx);
        Optional<String> name = main.single("ServiceName");
        if (name.isPresent() && name.get().isBlank()) {
            reportEmptyServiceName(ctx, main);
        }
    }

    private static void reportEmptyServiceName(TranslationContext ctx, SectionReader main) {
        ctx.error(main.positionOf("ServiceName"), "ServiceName= is empty, which would name the service '.service'",
                "remove the line to get the default name '" + ctx.unit().baseName() + ctx.unit().kind().serviceSuffix()
                        + "', or give a name");
    }

    /**
     * A fresh command starting like {@code base} ({@code podman [--module=..] [GlobalArgs]}). Units with several
     * podman commands build the start once, so a problem in {@code GlobalArgs=} is reported once.
     */
    static PodmanCommand startingLike(PodmanCommand base) {
        return base.copy();
    }

    /** Where a problem with the whole main section is reported: its header, or the file when it is missing. */
    static Position sectionPosition(TranslationContext ctx) {
        return CommonSteps.main(ctx).section().position();
    }

    /** Where a problem with the value of {@code key} is reported: its value, or the section when unset. */
    static Position valuePosition(SectionReader r, String key) {
        return r.lastEntry(key).map(Entry::valuePosition).orElse(r.section().position());
    }

    /**
     * A section of the source file as written (drop-ins merged), for reading it; problems reading it are not
     * reported, since the section is copied to the unit unchanged.
     */
    static SectionReader sourceSection(TranslationContext ctx, String name) {
        return ctx.unit().file().section(name)
                .map(s -> new SectionReader(s, new java.util.ArrayList<>()))
                .orElseGet(() -> SectionReader.empty(name, ctx.unit().path(), new java.util.ArrayList<>()));
    }
}
