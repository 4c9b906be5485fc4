package dev.berth.spec.quadlet;

import static dev.berth.spec.quadlet.ValueKind.ARGS;
import static dev.berth.spec.quadlet.ValueKind.KEY_VALUE;
import static dev.berth.spec.quadlet.ValueKind.LIST;
import static dev.berth.spec.quadlet.ValueKind.SINGLE;
import static dev.berth.spec.quadlet.ValueKind.WORDS;

import java.util.List;

/**
 * The keys of {@code [Pod]}, in the order Quadlet emits their podman arguments (StopTimeout goes to
 * {@code pod stop}, the rest to {@code pod create}). Quadlet emits IP/IP6/ShmSize, and NetworkAlias to
 * HostName, in random order within each group (Go maps).
 */
final class PodKeys {
    static final List<KeySpec> ALL = new KeyTable("Pod")
            .key("ContainersConfModule", LIST, "--module", "5.0",
                    "a containers.conf module to load, before the podman subcommand")
            .key("GlobalArgs", ARGS, "", "5.0",
                    "arguments placed between podman and the pod subcommands")
            .key("StopTimeout", SINGLE, "--time=", "5.7",
                    "seconds podman pod stop waits before killing (default 10)")
            .key("ExitPolicy", SINGLE, "--exit-policy=", "5.6",
                    "what the pod does when its last container exits: stop (default) or continue")
            .key("UserNS", SINGLE, "--userns", "5.3",
                    "user namespace mode of the pod")
            .key("UIDMap", WORDS, "--uidmap", "5.3",
                    "UID mapping container:host:count for the pod's user namespace")
            .key("GIDMap", WORDS, "--gidmap", "5.3",
                    "GID mapping container:host:count for the pod's user namespace")
            .key("SubUIDMap", SINGLE, "--subuidname", "5.3",
                    "user name in /etc/subuid whose range maps the pod's UIDs")
            .key("SubGIDMap", SINGLE, "--subgidname", "5.3",
                    "group name in /etc/subgid whose range maps the pod's GIDs")
            .key("RemapUsers", SINGLE, "--userns", "5.3",
                    "deprecated: manual, auto or keep-id; use UserNS= instead")
            .key("RemapUid", WORDS, "--uidmap", "5.3",
                    "deprecated: UID mapping for RemapUsers=")
            .key("RemapGid", WORDS, "--gidmap", "5.3",
                    "deprecated: GID mapping for RemapUsers=")
            .key("RemapUidSize", SINGLE, "--userns auto:size=", "5.3",
                    "deprecated: size of the automatic user namespace for RemapUsers=auto")
            .key("PublishPort", LIST, "--publish", "5.0",
                    "publish a port of the pod to the host, [[ip:]hostPort:]containerPort[/proto]")
            .key("Label", KEY_VALUE, "--label", "5.6",
                    "key=value labels set on the pod")
            .key("Network", LIST, "--network", "5.0",
                    "network mode, or a .network/.container file to join")
            .key("IP", SINGLE, "--ip", "5.3",
                    "static IPv4 address of the pod")
            .key("IP6", SINGLE, "--ip6", "5.3",
                    "static IPv6 address of the pod")
            .key("ShmSize", SINGLE, "--shm-size", "5.4",
                    "size of the pod's /dev/shm")
            .key("NetworkAlias", LIST, "--network-alias", "5.2",
                    "DNS alias of the pod on its networks")
            .key("DNS", LIST, "--dns", "5.3",
                    "DNS server for the pod")
            .key("DNSOption", LIST, "--dns-option", "5.3",
                    "DNS option for the pod")
            .key("DNSSearch", LIST, "--dns-search", "5.3",
                    "DNS search domain for the pod")
            .key("AddHost", LIST, "--add-host", "5.3",
                    "host:ip line added to the pod's /etc/hosts")
            .key("HostName", LIST, "--hostname", "5.5",
                    "host name of the pod")
            .key("Volume", LIST, "-v", "5.0",
                    "volume mounted in the pod's containers, [source:]destination[:options]; source may be a .volume file")
            .key("PodName", SINGLE, "--name", "5.0",
                    "the pod's name (default: systemd-<file name>)")
            .key("PodmanArgs", ARGS, "", "5.0",
                    "extra arguments appended to podman pod create")
            .key("ServiceName", SINGLE, "", "5.3",
                    "the generated service's name (default: <file name>-pod)")
            .build();

    private PodKeys() {
    }
}
