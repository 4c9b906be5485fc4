package dev.berth.spec.quadlet;

import static dev.berth.spec.quadlet.ValueKind.ARGS;
import static dev.berth.spec.quadlet.ValueKind.BOOLEAN;
import static dev.berth.spec.quadlet.ValueKind.COMMAND;
import static dev.berth.spec.quadlet.ValueKind.KEY_VALUE;
import static dev.berth.spec.quadlet.ValueKind.LIST;
import static dev.berth.spec.quadlet.ValueKind.SINGLE;
import static dev.berth.spec.quadlet.ValueKind.WORDS;

import java.util.List;

/**
 * The keys of {@code [Container]}, in the order Quadlet emits their podman arguments (the {@code podman run} line,
 * then {@code ExecReload=}, then keys that only name things). {@code since} is the first Podman release whose Quadlet
 * accepts the key; keys newer than the reference 5.4.2 are translated as the current Podman documents them.
 */
public final class ContainerKeys {
    private static final KeyTable T = new KeyTable("Container");

    // podman [--module=...] [global args] run
    public static final KeySpec CONTAINERS_CONF_MODULE = T.step("ContainersConfModule", LIST, "--module", "4.8",
            "load a containers.conf(5) module before running podman");
    public static final KeySpec GLOBAL_ARGS = T.step("GlobalArgs", ARGS, "", "4.8",
            "arguments placed between podman and its subcommand");
    public static final KeySpec CONTAINER_NAME = T.step("ContainerName", SINGLE, "--name", "4.4",
            "the container's name (default systemd-%N, or systemd-%p_%i for templates)");
    public static final KeySpec LOG_DRIVER = T.step("LogDriver", SINGLE, "--log-driver", "4.5",
            "the log driver (journald, k8s-file, none, passthrough, ...)");
    public static final KeySpec LOG_OPT = T.step("LogOpt", WORDS, "--log-opt", "5.2",
            "log driver options such as path=... or max-size=...");
    public static final KeySpec CGROUPS_MODE = T.step("CgroupsMode", SINGLE, "--cgroups", "5.3",
            "the cgroups mode (default split)");
    // single-value flags (Quadlet keeps these in a Go map: their relative order varies between its runs)
    public static final KeySpec TIMEZONE = T.flag("Timezone", SINGLE, "--tz", "4.4",
            "the container's time zone, or local");
    public static final KeySpec PIDS_LIMIT = T.flag("PidsLimit", SINGLE, "--pids-limit", "4.7",
            "the maximum number of processes");
    public static final KeySpec SHM_SIZE = T.flag("ShmSize", SINGLE, "--shm-size", "4.7",
            "the size of /dev/shm");
    public static final KeySpec ENTRYPOINT = T.step("Entrypoint", SINGLE, "--entrypoint", "5.0",
            "overrides the image's entry point");
    public static final KeySpec WORKING_DIR = T.flag("WorkingDir", SINGLE, "--workdir", "4.6",
            "the working directory inside the container");
    public static final KeySpec IP = T.flag("IP", SINGLE, "--ip", "4.5",
            "a static IPv4 address on the network");
    public static final KeySpec IP6 = T.flag("IP6", SINGLE, "--ip6", "4.5",
            "a static IPv6 address on the network");
    public static final KeySpec HOST_NAME = T.flag("HostName", SINGLE, "--hostname", "4.6",
            "the container's host name");
    public static final KeySpec STOP_SIGNAL = T.flag("StopSignal", SINGLE, "--stop-signal", "5.2",
            "the signal that stops the container");
    public static final KeySpec STOP_TIMEOUT = T.flag("StopTimeout", SINGLE, "--stop-timeout", "5.0",
            "seconds to wait before the container is killed");
    public static final KeySpec PULL = T.flag("Pull", SINGLE, "--pull", "4.6",
            "the image pull policy (always, missing, never, newer)");
    public static final KeySpec MEMORY = T.flag("Memory", SINGLE, "--memory", "5.5",
            "the memory limit");
    public static final KeySpec RETRY = T.flag("Retry", SINGLE, "--retry", "5.5",
            "how often to retry pulling the image");
    public static final KeySpec RETRY_DELAY = T.flag("RetryDelay", SINGLE, "--retry-delay", "5.5",
            "the delay between pull retries");
    // list flags (a Go map in Quadlet too)
    public static final KeySpec NETWORK_ALIAS = T.flag("NetworkAlias", LIST, "--network-alias", "5.2",
            "a DNS alias of the container on its networks");
    public static final KeySpec ULIMIT = T.flag("Ulimit", LIST, "--ulimit", "4.7",
            "a resource limit such as nofile=1024:2048");
    public static final KeySpec DNS = T.flag("DNS", LIST, "--dns", "4.7",
            "a DNS server for the container");
    public static final KeySpec DNS_OPTION = T.flag("DNSOption", LIST, "--dns-option", "4.7",
            "a DNS resolver option");
    public static final KeySpec DNS_SEARCH = T.flag("DNSSearch", LIST, "--dns-search", "4.7",
            "a DNS search domain");
    public static final KeySpec GROUP_ADD = T.flag("GroupAdd", LIST, "--group-add", "5.1",
            "an additional group for the container's process");
    public static final KeySpec ADD_HOST = T.flag("AddHost", LIST, "--add-host", "5.3",
            "a host:address line for the container's /etc/hosts");
    public static final KeySpec TMPFS = T.flag("Tmpfs", LIST, "--tmpfs", "4.5",
            "a tmpfs mount, path[:options]");
    // boolean flags (a Go map in Quadlet too)
    public static final KeySpec RUN_INIT = T.flag("RunInit", BOOLEAN, "--init", "4.4",
            "run an init process that reaps zombies and forwards signals");
    public static final KeySpec ENVIRONMENT_HOST = T.flag("EnvironmentHost", BOOLEAN, "--env-host", "4.4",
            "pass the host's whole environment into the container");
    public static final KeySpec HTTP_PROXY = T.flag("HttpProxy", BOOLEAN, "--http-proxy", "5.7",
            "pass the host's proxy environment variables into the container");
    public static final KeySpec READ_ONLY_TMPFS = T.flag("ReadOnlyTmpfs", BOOLEAN, "--read-only-tmpfs", "4.8",
            "with ReadOnly=, mount tmpfs on /dev, /dev/shm, /run, /tmp and /var/tmp");
    public static final KeySpec NETWORK = T.step("Network", LIST, "--network", "4.4",
            "a network mode or network; x.network and x.container name Quadlet files");
    public static final KeySpec NOTIFY = T.step("Notify", SINGLE, "--sdnotify", "4.4",
            "true: the container sends sd_notify itself; healthy: ready when healthy");
    public static final KeySpec NO_NEW_PRIVILEGES = T.step("NoNewPrivileges", BOOLEAN, "--security-opt=no-new-privileges", "4.4",
            "forbid gaining privileges, e.g. by setuid binaries");
    public static final KeySpec SECURITY_LABEL_DISABLE = T.step("SecurityLabelDisable", BOOLEAN, "--security-opt label=disable", "4.5",
            "turn SELinux separation off for the container");
    public static final KeySpec SECURITY_LABEL_NESTED = T.step("SecurityLabelNested", BOOLEAN, "--security-opt label=nested", "4.6",
            "allow SELinux labelling inside the container");
    public static final KeySpec SECURITY_LABEL_TYPE = T.step("SecurityLabelType", SINGLE, "--security-opt label=type:", "4.5",
            "the SELinux process type");
    public static final KeySpec SECURITY_LABEL_FILE_TYPE = T.step("SecurityLabelFileType", SINGLE, "--security-opt label=filetype:", "4.5",
            "the SELinux file type");
    public static final KeySpec SECURITY_LABEL_LEVEL = T.step("SecurityLabelLevel", SINGLE, "--security-opt label=level:", "4.5",
            "the SELinux level");
    public static final KeySpec APP_ARMOR = T.step("AppArmor", SINGLE, "--security-opt apparmor=", "5.8",
            "the AppArmor profile");
    public static final KeySpec ADD_DEVICE = T.step("AddDevice", WORDS, "--device", "4.4",
            "a host device; a leading - adds it only if it exists");
    public static final KeySpec SECCOMP_PROFILE = T.step("SeccompProfile", SINGLE, "--security-opt seccomp=", "4.4",
            "the seccomp profile (a JSON file, or unconfined)");
    public static final KeySpec DROP_CAPABILITY = T.step("DropCapability", WORDS, "--cap-drop", "4.4",
            "capabilities to drop (all for every one)");
    public static final KeySpec ADD_CAPABILITY = T.step("AddCapability", WORDS, "--cap-add", "4.4",
            "capabilities to add after the drops");
    public static final KeySpec SYSCTL = T.step("Sysctl", WORDS, "--sysctl", "4.6",
            "namespaced kernel parameters, name=value");
    public static final KeySpec READ_ONLY = T.step("ReadOnly", BOOLEAN, "--read-only", "4.4",
            "mount the root file system read-only");
    public static final KeySpec VOLATILE_TMP = T.step("VolatileTmp", BOOLEAN, "--tmpfs /tmp", "4.4",
            "deprecated: a tmpfs on /tmp (use Tmpfs=/tmp)");
    public static final KeySpec USER = T.step("User", SINGLE, "--user", "4.4",
            "the user (and with Group= the group) the process runs as");
    public static final KeySpec GROUP = T.step("Group", SINGLE, "--user", "4.4",
            "the group the process runs as; needs User=");
    public static final KeySpec USER_NS = T.step("UserNS", SINGLE, "--userns", "4.5",
            "the user namespace mode (auto, keep-id, host, ...)");
    public static final KeySpec UID_MAP = T.step("UIDMap", WORDS, "--uidmap", "4.8",
            "a UID mapping container:host:count");
    public static final KeySpec GID_MAP = T.step("GIDMap", WORDS, "--gidmap", "4.8",
            "a GID mapping container:host:count");
    public static final KeySpec SUB_UID_MAP = T.step("SubUIDMap", SINGLE, "--subuidname", "4.8",
            "map UIDs from this /etc/subuid entry");
    public static final KeySpec SUB_GID_MAP = T.step("SubGIDMap", SINGLE, "--subgidname", "4.8",
            "map GIDs from this /etc/subgid entry");
    public static final KeySpec REMAP_USERS = T.step("RemapUsers", SINGLE, "--userns", "4.4",
            "deprecated: manual, auto or keep-id (use UserNS=, UIDMap=, GIDMap=)");
    public static final KeySpec REMAP_UID = T.step("RemapUid", WORDS, "--uidmap", "4.4",
            "deprecated: UID mappings for RemapUsers=");
    public static final KeySpec REMAP_GID = T.step("RemapGid", WORDS, "--gidmap", "4.4",
            "deprecated: GID mappings for RemapUsers=");
    public static final KeySpec REMAP_UID_SIZE = T.step("RemapUidSize", SINGLE, "--userns auto:size=", "4.4",
            "deprecated: the namespace size for RemapUsers=auto");
    public static final KeySpec VOLUME = T.step("Volume", LIST, "-v", "4.4",
            "[source:]destination[:options]; the source may be x.volume or a path");
    public static final KeySpec AUTO_UPDATE = T.step("AutoUpdate", SINGLE, "--label io.containers.autoupdate=", "4.6",
            "the podman auto-update policy (registry or local)");
    public static final KeySpec EXPOSE_HOST_PORT = T.step("ExposeHostPort", LIST, "--expose", "4.4",
            "a port or range to expose without publishing it");
    public static final KeySpec PUBLISH_PORT = T.step("PublishPort", LIST, "--publish", "4.4",
            "publish a port: [[ip:][hostPort]:]containerPort[/protocol]");
    public static final KeySpec ENVIRONMENT = T.step("Environment", KEY_VALUE, "--env", "4.4",
            "environment variables, name=value");
    public static final KeySpec LABEL = T.step("Label", KEY_VALUE, "--label", "4.4",
            "container labels, name=value");
    public static final KeySpec ANNOTATION = T.step("Annotation", KEY_VALUE, "--annotation", "4.4",
            "OCI annotations, name=value");
    public static final KeySpec MASK = T.step("Mask", ARGS, "--security-opt mask=", "4.6",
            "paths to hide from the container, colon-separated");
    public static final KeySpec UNMASK = T.step("Unmask", ARGS, "--security-opt unmask=", "4.6",
            "masked paths to expose, or ALL");
    public static final KeySpec ENVIRONMENT_FILE = T.step("EnvironmentFile", ARGS, "--env-file", "4.4",
            "a file of environment variables; relative to the unit file");
    public static final KeySpec SECRET = T.step("Secret", ARGS, "--secret", "4.5",
            "a podman secret, name[,options]");
    public static final KeySpec MOUNT = T.step("Mount", ARGS, "--mount", "4.5",
            "a mount, type=...,source=...,destination=...; the source may be a Quadlet file");
    public static final KeySpec HEALTH_CMD = T.step("HealthCmd", SINGLE, "--health-cmd", "4.5",
            "the health check command, or none");
    public static final KeySpec HEALTH_INTERVAL = T.step("HealthInterval", SINGLE, "--health-interval", "4.5",
            "how often the health check runs");
    public static final KeySpec HEALTH_ON_FAILURE = T.step("HealthOnFailure", SINGLE, "--health-on-failure", "4.5",
            "what to do when unhealthy (none, kill, restart, stop)");
    public static final KeySpec HEALTH_LOG_DESTINATION = T.step("HealthLogDestination", SINGLE, "--health-log-destination", "5.3",
            "where health check results are logged");
    public static final KeySpec HEALTH_MAX_LOG_COUNT = T.step("HealthMaxLogCount", SINGLE, "--health-max-log-count", "5.3",
            "how many health check results are kept");
    public static final KeySpec HEALTH_MAX_LOG_SIZE = T.step("HealthMaxLogSize", SINGLE, "--health-max-log-size", "5.3",
            "the maximum length of a kept health check result");
    public static final KeySpec HEALTH_RETRIES = T.step("HealthRetries", SINGLE, "--health-retries", "4.5",
            "failures before the container counts as unhealthy");
    public static final KeySpec HEALTH_START_PERIOD = T.step("HealthStartPeriod", SINGLE, "--health-start-period", "4.5",
            "the start-up grace period of the health check");
    public static final KeySpec HEALTH_TIMEOUT = T.step("HealthTimeout", SINGLE, "--health-timeout", "4.5",
            "how long one health check may take");
    public static final KeySpec HEALTH_STARTUP_CMD = T.step("HealthStartupCmd", SINGLE, "--health-startup-cmd", "4.5",
            "the start-up health check command");
    public static final KeySpec HEALTH_STARTUP_INTERVAL = T.step("HealthStartupInterval", SINGLE, "--health-startup-interval", "4.5",
            "how often the start-up check runs");
    public static final KeySpec HEALTH_STARTUP_RETRIES = T.step("HealthStartupRetries", SINGLE, "--health-startup-retries", "4.5",
            "start-up check failures before a restart");
    public static final KeySpec HEALTH_STARTUP_SUCCESS = T.step("HealthStartupSuccess", SINGLE, "--health-startup-success", "4.5",
            "start-up check successes before the normal check starts");
    public static final KeySpec HEALTH_STARTUP_TIMEOUT = T.step("HealthStartupTimeout", SINGLE, "--health-startup-timeout", "4.5",
            "how long one start-up check may take");
    public static final KeySpec POD = T.step("Pod", SINGLE, "--pod-id-file", "5.0",
            "the x.pod file whose pod the container joins");
    public static final KeySpec START_WITH_POD = T.step("StartWithPod", BOOLEAN, "", "5.3",
            "start this container when its pod starts (default true)");
    public static final KeySpec PODMAN_ARGS = T.step("PodmanArgs", ARGS, "", "4.4",
            "extra podman run arguments, placed before the image");
    public static final KeySpec IMAGE = T.step("Image", SINGLE, "", "4.4",
            "the image to run; x.image or x.build names a Quadlet file");
    public static final KeySpec ROOTFS = T.step("Rootfs", SINGLE, "--rootfs", "4.5",
            "run an exploded root file system instead of an image");
    public static final KeySpec EXEC = T.step("Exec", COMMAND, "", "4.4",
            "the command and arguments, after the image");
    // ExecReload=
    public static final KeySpec RELOAD_CMD = T.step("ReloadCmd", COMMAND, "exec", "5.5",
            "ExecReload= runs this command in the container");
    public static final KeySpec RELOAD_SIGNAL = T.step("ReloadSignal", SINGLE, "kill --signal", "5.5",
            "ExecReload= sends this signal to the container");
    // names only
    public static final KeySpec SERVICE_NAME = T.step("ServiceName", SINGLE, "", "5.3",
            "the generated service's name, without .service");

    /** Every key of the section, in declaration order. */
    static final List<KeySpec> ALL = T.build();

    /** The section's keys by name, and its flags, built with the table (when the section is first used). */
    static final SectionKeys INDEX = new SectionKeys(ALL);

    private ContainerKeys() {
    }
}
