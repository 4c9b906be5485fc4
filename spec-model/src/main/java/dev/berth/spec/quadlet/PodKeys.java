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
public final class PodKeys {
    private static final KeyTable T = new KeyTable("Pod");

    public static final KeySpec CONTAINERS_CONF_MODULE = T.step("ContainersConfModule", LIST, "--module", "5.0",
            "a containers.conf module to load, before the podman subcommand");
    public static final KeySpec GLOBAL_ARGS = T.step("GlobalArgs", ARGS, "", "5.0",
            "arguments placed between podman and the pod subcommands");
    public static final KeySpec STOP_TIMEOUT = T.step("StopTimeout", SINGLE, "--time=", "5.7",
            "seconds podman pod stop waits before killing (default 10)");
    public static final KeySpec EXIT_POLICY = T.step("ExitPolicy", SINGLE, "--exit-policy=", "5.6",
            "what the pod does when its last container exits: stop (default) or continue");
    public static final KeySpec USER_NS = T.step("UserNS", SINGLE, "--userns", "5.3",
            "user namespace mode of the pod");
    public static final KeySpec UID_MAP = T.step("UIDMap", WORDS, "--uidmap", "5.3",
            "UID mapping container:host:count for the pod's user namespace");
    public static final KeySpec GID_MAP = T.step("GIDMap", WORDS, "--gidmap", "5.3",
            "GID mapping container:host:count for the pod's user namespace");
    public static final KeySpec SUB_UID_MAP = T.step("SubUIDMap", SINGLE, "--subuidname", "5.3",
            "user name in /etc/subuid whose range maps the pod's UIDs");
    public static final KeySpec SUB_GID_MAP = T.step("SubGIDMap", SINGLE, "--subgidname", "5.3",
            "group name in /etc/subgid whose range maps the pod's GIDs");
    public static final KeySpec REMAP_USERS = T.step("RemapUsers", SINGLE, "--userns", "5.3",
            "deprecated: manual, auto or keep-id; use UserNS= instead");
    public static final KeySpec REMAP_UID = T.step("RemapUid", WORDS, "--uidmap", "5.3",
            "deprecated: UID mapping for RemapUsers=");
    public static final KeySpec REMAP_GID = T.step("RemapGid", WORDS, "--gidmap", "5.3",
            "deprecated: GID mapping for RemapUsers=");
    public static final KeySpec REMAP_UID_SIZE = T.step("RemapUidSize", SINGLE, "--userns auto:size=", "5.3",
            "deprecated: size of the automatic user namespace for RemapUsers=auto");
    public static final KeySpec PUBLISH_PORT = T.step("PublishPort", LIST, "--publish", "5.0",
            "publish a port of the pod to the host, [[ip:]hostPort:]containerPort[/proto]");
    public static final KeySpec LABEL = T.step("Label", KEY_VALUE, "--label", "5.6",
            "key=value labels set on the pod");
    public static final KeySpec NETWORK = T.step("Network", LIST, "--network", "5.0",
            "network mode, or a .network/.container file to join");
    public static final KeySpec IP = T.flag("IP", SINGLE, "--ip", "5.3",
            "static IPv4 address of the pod");
    public static final KeySpec IP6 = T.flag("IP6", SINGLE, "--ip6", "5.3",
            "static IPv6 address of the pod");
    public static final KeySpec SHM_SIZE = T.flag("ShmSize", SINGLE, "--shm-size", "5.4",
            "size of the pod's /dev/shm");
    public static final KeySpec NETWORK_ALIAS = T.flag("NetworkAlias", LIST, "--network-alias", "5.2",
            "DNS alias of the pod on its networks");
    public static final KeySpec DNS = T.flag("DNS", LIST, "--dns", "5.3",
            "DNS server for the pod");
    public static final KeySpec DNS_OPTION = T.flag("DNSOption", LIST, "--dns-option", "5.3",
            "DNS option for the pod");
    public static final KeySpec DNS_SEARCH = T.flag("DNSSearch", LIST, "--dns-search", "5.3",
            "DNS search domain for the pod");
    public static final KeySpec ADD_HOST = T.flag("AddHost", LIST, "--add-host", "5.3",
            "host:ip line added to the pod's /etc/hosts");
    public static final KeySpec HOST_NAME = T.flag("HostName", LIST, "--hostname", "5.5",
            "host name of the pod");
    public static final KeySpec VOLUME = T.step("Volume", LIST, "-v", "5.0",
            "volume mounted in the pod's containers, [source:]destination[:options]; source may be a .volume file");
    public static final KeySpec POD_NAME = T.step("PodName", SINGLE, "--name", "5.0",
            "the pod's name (default: systemd-<file name>)");
    public static final KeySpec PODMAN_ARGS = T.step("PodmanArgs", ARGS, "", "5.0",
            "extra arguments appended to podman pod create");
    public static final KeySpec SERVICE_NAME = T.step("ServiceName", SINGLE, "", "5.3",
            "the generated service's name (default: <file name>-pod)");

    /** Every key of the section, in declaration order. */
    static final List<KeySpec> ALL = T.build();

    /** The section's keys by name, and its flags, built with the table (when the section is first used). */
    static final SectionKeys INDEX = new SectionKeys(ALL);

    private PodKeys() {
    }
}
