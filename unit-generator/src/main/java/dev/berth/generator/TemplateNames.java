package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Entry;
import java.util.Optional;

/**
 * What Quadlet 5.4.2 makes of template files ({@code data@.volume}) of the kinds whose service name has a suffix.
 * It appends the suffix to the whole name ({@code data@-volume.service}) and names the object after the whole name
 * ({@code systemd-data@}): there is one object for all instances, not one per instance as in Podman 5.7 and
 * later, and {@code %i} in the file means {@code -volume}. berth generates the same names, and says so.
 */
final class TemplateNames {

    private TemplateNames() {
    }

    /** The warnings for a template file; nothing for other files. */
    static void check(TranslationContext ctx) {
        SourceUnit unit = ctx.unit();
        if (!unit.isTemplate() || unit.kind().serviceSuffix().isEmpty()
                || ctx.options().target().has(dev.berth.spec.quadlet.QuadletBehaviour.TEMPLATE_REFERENCES)) {
            return;
        }
        sharedObject(ctx);
        instanceSpecifier(ctx);
    }

    /** The volume, network or pod of a template gets one default name for every instance. */
    private static void sharedObject(TranslationContext ctx) {
        SourceUnit unit = ctx.unit();
        String nameKey;
        String fix;
        switch (unit.kind()) {
            case VOLUME -> {
                nameKey = "VolumeName";
                fix = "to get one volume per instance, name it in the template container instead, for example"
                        + " Volume=data-%i:/data (podman creates a named volume when it is first used)";
            }
            case NETWORK -> {
                nameKey = "NetworkName";
                fix = "to get one network per instance, write one .network file per instance";
            }
            case POD -> {
                nameKey = "PodName";
                fix = "to get one pod per instance, write one .pod file per instance";
            }
            default -> {
                return;
            }
        }
        SectionReader main = CommonSteps.main(ctx);
        if (main.single(nameKey).filter(n -> !n.isEmpty()).isPresent()) {
            return;
        }
        String object = unit.kind().lowerName();
        // Later Quadlets name template volumes and networks per instance; no Quadlet supports templated pods.
        String others = unit.kind() == dev.berth.spec.quadlet.UnitKind.POD ? "no Quadlet supports templated pods"
                : "Podman 5.7 and later create one " + object + " per instance";
        ctx.warning(KindSteps.sectionPosition(ctx), unit.fileName() + " becomes " + KindSteps.serviceFileName(ctx)
                + " and one " + object + " named " + KindSteps.resourceName(ctx) + " that all instances"
                + " share (as in Quadlet 5.4.2; " + others + ")", fix);
    }

    /** {@code %i} in a value of the main section expands to the service's odd instance part, such as {@code -image}. */
    private static void instanceSpecifier(TranslationContext ctx) {
        SourceUnit unit = ctx.unit();
        SectionReader main = CommonSteps.main(ctx);
        Optional<Entry> first = main.section().entries().stream()
                .filter(e -> e.value().contains("%i") || e.value().contains("%I")).findFirst();
        first.ifPresent(e -> ctx.warning(e.valuePosition(), "%i in " + e.key() + "= expands to '"
                        + unit.kind().serviceSuffix() + "', because " + unit.fileName() + " becomes "
                        + KindSteps.serviceFileName(ctx) + " (as in Quadlet 5.4.2)",
                "write the value for each instance in its own ." + unit.kind().extension() + " file"));
    }
}
