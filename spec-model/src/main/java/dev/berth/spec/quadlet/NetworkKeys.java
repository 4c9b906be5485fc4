package dev.berth.spec.quadlet;

import static dev.berth.spec.quadlet.ValueKind.ARGS;
import static dev.berth.spec.quadlet.ValueKind.BOOLEAN;
import static dev.berth.spec.quadlet.ValueKind.KEY_VALUE;
import static dev.berth.spec.quadlet.ValueKind.LIST;
import static dev.berth.spec.quadlet.ValueKind.SINGLE;

import java.util.List;

/**
 * The keys of {@code [Network]}, in the order Quadlet emits their podman arguments. DisableDNS, Internal and
 * IPv6 are emitted in random order by Quadlet (a Go map), as are Driver, IPAMDriver and InterfaceName.
 */
final class NetworkKeys {
    static final List<KeySpec> ALL = new KeyTable("Network")
            .key("ContainersConfModule", LIST, "--module", "4.8",
                    "a containers.conf module to load, before the podman subcommand")
            .key("GlobalArgs", ARGS, "", "4.8",
                    "arguments placed between podman and the network subcommand")
            .key("NetworkDeleteOnStop", BOOLEAN, "", "5.5",
                    "remove the network when the service stops (ExecStopPost=podman network rm)")
            .key("DisableDNS", BOOLEAN, "--disable-dns", "4.4",
                    "turn off the DNS plugin for this network")
            .key("Internal", BOOLEAN, "--internal", "4.4",
                    "restrict external access from this network")
            .key("IPv6", BOOLEAN, "--ipv6", "4.4",
                    "enable IPv6 (dual stack) networking")
            .key("Driver", SINGLE, "--driver", "4.4",
                    "network driver: bridge, macvlan or ipvlan")
            .key("IPAMDriver", SINGLE, "--ipam-driver", "4.4",
                    "IP address management driver: host-local, dhcp or none")
            .key("InterfaceName", SINGLE, "--interface-name", "5.6",
                    "name of the network interface on the host")
            .key("DNS", LIST, "--dns", "4.7",
                    "DNS server for containers on this network")
            .key("Subnet", LIST, "--subnet", "4.4",
                    "subnet in CIDR notation; Gateway= and IPRange= pair with subnets by position")
            .key("Gateway", LIST, "--gateway", "4.4",
                    "gateway of the subnet at the same position")
            .key("IPRange", LIST, "--ip-range", "4.4",
                    "range of addresses to allocate from, for the subnet at the same position")
            .key("Options", KEY_VALUE, "--opt", "4.4",
                    "driver-specific key=value options")
            .key("Label", KEY_VALUE, "--label", "4.4",
                    "key=value labels set on the network")
            .key("PodmanArgs", ARGS, "", "4.6",
                    "extra arguments appended to podman network create")
            .key("NetworkName", SINGLE, "", "4.7",
                    "the network's name (default: systemd-<file name>)")
            .key("ServiceName", SINGLE, "", "5.3",
                    "the generated service's name (default: <file name>-network)")
            .build();

    private NetworkKeys() {
    }
}
