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
public final class NetworkKeys {
    private static final KeyTable T = new KeyTable("Network");

    public static final KeySpec CONTAINERS_CONF_MODULE = T.step("ContainersConfModule", LIST, "--module", "4.8",
            "a containers.conf module to load, before the podman subcommand");
    public static final KeySpec GLOBAL_ARGS = T.step("GlobalArgs", ARGS, "", "4.8",
            "arguments placed between podman and the network subcommand");
    public static final KeySpec NETWORK_DELETE_ON_STOP = T.step("NetworkDeleteOnStop", BOOLEAN, "", "5.5",
            "remove the network when the service stops (ExecStopPost=podman network rm)");
    public static final KeySpec DISABLE_DNS = T.flag("DisableDNS", BOOLEAN, "--disable-dns", "4.4",
            "turn off the DNS plugin for this network");
    public static final KeySpec INTERNAL = T.flag("Internal", BOOLEAN, "--internal", "4.4",
            "restrict external access from this network");
    public static final KeySpec IPV6 = T.flag("IPv6", BOOLEAN, "--ipv6", "4.4",
            "enable IPv6 (dual stack) networking");
    public static final KeySpec DRIVER = T.flag("Driver", SINGLE, "--driver", "4.4",
            "network driver: bridge, macvlan or ipvlan");
    public static final KeySpec IPAM_DRIVER = T.flag("IPAMDriver", SINGLE, "--ipam-driver", "4.4",
            "IP address management driver: host-local, dhcp or none");
    public static final KeySpec INTERFACE_NAME = T.flag("InterfaceName", SINGLE, "--interface-name", "5.6",
            "name of the network interface on the host");
    public static final KeySpec DNS = T.flag("DNS", LIST, "--dns", "4.7",
            "DNS server for containers on this network");
    public static final KeySpec SUBNET = T.step("Subnet", LIST, "--subnet", "4.4",
            "subnet in CIDR notation; Gateway= and IPRange= pair with subnets by position");
    public static final KeySpec GATEWAY = T.step("Gateway", LIST, "--gateway", "4.4",
            "gateway of the subnet at the same position");
    public static final KeySpec IP_RANGE = T.step("IPRange", LIST, "--ip-range", "4.4",
            "range of addresses to allocate from, for the subnet at the same position");
    public static final KeySpec OPTIONS = T.step("Options", KEY_VALUE, "--opt", "4.4",
            "driver-specific key=value options");
    public static final KeySpec LABEL = T.step("Label", KEY_VALUE, "--label", "4.4",
            "key=value labels set on the network");
    public static final KeySpec PODMAN_ARGS = T.step("PodmanArgs", ARGS, "", "4.6",
            "extra arguments appended to podman network create");
    public static final KeySpec NETWORK_NAME = T.step("NetworkName", SINGLE, "", "4.7",
            "the network's name (default: systemd-<file name>)");
    public static final KeySpec SERVICE_NAME = T.step("ServiceName", SINGLE, "", "5.3",
            "the generated service's name (default: <file name>-network)");

    /** Every key of the section, in declaration order. */
    static final List<KeySpec> ALL = T.build();

    /** The section's keys by name, and its flags, built with the table (when the section is first used). */
    static final SectionKeys INDEX = new SectionKeys(ALL);

    private NetworkKeys() {
    }
}
