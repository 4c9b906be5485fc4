package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;

/**
 * What Quadlet 5.4.2 makes of template files ({@code data@.volume}) and their instances ({@code data@1.volume})
 * of the kinds whose service name has a suffix. It appends the suffix to the whole name ({@code data@-volume.service})
 * and names the object after the whole name ({@code systemd-data@}), so there is one object for all instances,
 * not one per instance as later Quadlets do. berth generates the same names, and says so.
 */
final class TemplateNames {

    private TemplateNames() {
    }

    /**
     * Warns when a template {@code .volume}/{@code .network} gets its object's default name, which is the same for
     * every instance. (An instance file, {@code data@1.volume}, gets a name of its own, {@code systemd-data@1}.)
     */
    static void warnSharedTemplateResource(TranslationContext ctx, String nameKey, String object) {
        SourceUnit unit = ctx.unit();
        if (!unit.isTemplate()) {
            return;
        }
        SectionReader main = CommonSteps.main(ctx);
        if (main.single(nameKey).filter(n -> !n.isEmpty()).isPresent()) {
            return;
        }
        String name = UnitNames.resourceName(unit).orElse("");
        ctx.warning(KindSteps.sectionPosition(ctx), unit.fileName() + " becomes " + KindSteps.serviceFileName(ctx)
                        + " and one " + object + " named " + name + " that all instances share"
                        + " (as in Quadlet 5.4.2; Podman 5.7 and later create one " + object + " per instance)",
                object.equals("volume")
                        ? "to get one volume per instance, name it in the template container instead, for example"
                        + " Volume=data-%i:/data (podman creates a named volume when it is first used)"
                        : "to get one network per instance, write one .network file per instance");
    }
}
