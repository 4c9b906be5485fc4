package dev.berth.generator;

import dev.berth.spec.quadlet.NetworkKeys;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.UnitFile;
import java.util.List;
import java.util.Optional;

/**
 * {@code .network} files: a oneshot service that runs {@code podman network create --ignore} (Quadlet 5.4.2's
 * ConvertNetwork, plus the newer {@code InterfaceName=} and {@code NetworkDeleteOnStop=} keys).
 */
final class NetworkTranslator implements Translator {

    @Override
    public Optional<UnitFile> translate(SourceUnit unit, TranslationContext ctx) {
        CommonSteps.checkKeys(ctx, false);
        SectionReader network = CommonSteps.main(ctx);
        ServiceBuilder service = KindSteps.openService(ctx, KindSteps.UnitOrder.SOURCE_PATH_FIRST);
        String networkName = KindSteps.resourceName(ctx);

        PodmanCommand base = CommonSteps.basePodman(ctx);
        if (network.bool(NetworkKeys.NETWORK_DELETE_ON_STOP, false)) {
            PodmanCommand remove = KindSteps.startingLike(base).add("network", "rm", networkName);
            service.add(CommonSteps.SERVICE, "ExecStopPost", remove.toExecLine());
        }

        PodmanCommand podman = KindSteps.startingLike(base).add("network", "create", "--ignore");
        CatalogFlags.emit(network, podman, unit.kind().section()); // DisableDNS= to DNS=
        addSubnets(ctx, network, podman);
        KeyValueArguments.add(ctx, network, "Options", "--opt", podman);
        KeyValueArguments.add(ctx, network, "Label", "--label", podman);
        PodmanArgs.add(network, podman);
        podman.add(networkName);

        service.add(CommonSteps.SERVICE, "ExecStart", podman.toExecLine());
        CommonSteps.oneshotDefaults(service, true);
        return ctx.failed() ? Optional.empty() : Optional.of(service.build());
    }

    /**
     * {@code --subnet S [--gateway G] [--ip-range R]} per subnet: the n-th gateway and range belong to the n-th
     * subnet, so there may not be more of them than subnets.
     */
    private static void addSubnets(TranslationContext ctx, SectionReader network, PodmanCommand podman) {
        List<Entry> subnets = network.entries(NetworkKeys.SUBNET);
        List<Entry> gateways = network.entries(NetworkKeys.GATEWAY);
        List<Entry> ranges = network.entries(NetworkKeys.IP_RANGE);
        if (subnets.isEmpty()) {
            for (List<Entry> orphans : List.of(gateways, ranges)) {
                if (!orphans.isEmpty()) {
                    Entry e = orphans.get(0);
                    ctx.error(e.position(), e.key() + "= needs a Subnet= to belong to",
                            "add Subnet=<address>/<prefix length> (the subnet this " + describe(e.key()) + " is in)");
                }
            }
            return;
        }
        boolean ok = true;
        for (List<Entry> extra : List.of(gateways, ranges)) {
            for (int i = subnets.size(); i < extra.size(); i++) {
                Entry e = extra.get(i);
                ctx.error(e.position(), e.key() + "= needs a Subnet= for each " + describe(e.key()) + ": this is "
                                + ordinal(i + 1) + " " + e.key() + "= but there " + (subnets.size() == 1 ? "is " : "are ")
                                + subnets.size() + " Subnet=",
                        "add the Subnet= this " + describe(e.key()) + " belongs to, or remove it (the n-th "
                                + e.key() + "= pairs with the n-th Subnet=)");
                ok = false;
            }
        }
        if (!ok) {
            return;
        }
        for (int i = 0; i < subnets.size(); i++) {
            podman.add("--subnet", subnets.get(i).value());
            if (i < gateways.size()) {
                podman.add("--gateway", gateways.get(i).value());
            }
            if (i < ranges.size()) {
                podman.add("--ip-range", ranges.get(i).value());
            }
        }
    }

    private static String describe(String key) {
        return key.equals("Gateway") ? "gateway" : "address range";
    }

    private static String ordinal(int n) {
        return switch (n % 100 > 10 && n % 100 < 14 ? 0 : n % 10) {
            case 1 -> n + "st";
            case 2 -> n + "nd";
            case 3 -> n + "rd";
            default -> n + "th";
        };
    }
}
