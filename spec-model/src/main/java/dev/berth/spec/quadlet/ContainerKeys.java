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
final class ContainerKeys {
    static final List<KeySpec> ALL = new KeyTable("Container")
            // podman [--module=...] [global args] run
            .key("ContainersConfModule", LIST, "--module", "4.8", "load a containers.conf(5) module before running podman")
            .key("GlobalArgs", ARGS, "", "4.8", "arguments placed between podman and its subcommand")
            .key("ContainerName", SINGLE, "--name", "4.4", "the container's name (default systemd-%N, or systemd-%p_%i for templates)")
            .key("LogDriver", SINGLE, "--log-driver", "4.5", "the log driver (journald, k8s-file, none, passthrough, ...)")
            .key("LogOpt", WORDS, "--log-opt", "5.2", "log driver options such as path=... or max-size=...")
            .key("CgroupsMode", SINGLE, "--cgroups", "5.3", "the cgroups mode (default split)")
            // single-value flags (Quadlet keeps these in a Go map: their relative order varies between its runs)
            .key("Timezone", SINGLE, "--tz", "4.4", "the container's time zone, or local")
            .key("PidsLimit", SINGLE, "--pids-limit", "4.7", "the maximum number of processes")
            .key("ShmSize", SINGLE, "--shm-size", "4.7", "the size of /dev/shm")
            .key("Entrypoint", SINGLE, "--entrypoint", "5.0", "overrides the image's entry point")
            .key("WorkingDir", SINGLE, "--workdir", "4.6", "the working directory inside the container")
            .key("IP", SINGLE, "--ip", "4.5", "a static IPv4 address on the network")
            .key("IP6", SINGLE, "--ip6", "4.5", "a static IPv6 address on the network")
            .key("HostName", SINGLE, "--hostname", "4.6", "the container's host name")
            .key("StopSignal", SINGLE, "--stop-signal", "5.2", "the signal that stops the container")
            .key("StopTimeout", SINGLE, "--stop-timeout", "5.0", "seconds to wait before the container is killed")
            .key("Pull", SINGLE, "--pull", "4.6", "the image pull policy (always, missing, never, newer)")
            .key("Memory", SINGLE, "--memory", "5.5", "the memory limit")
            .key("Retry", SINGLE, "--retry", "5.5", "how often to retry pulling the image")
            .key("RetryDelay", SINGLE, "--retry-delay", "5.5", "the delay between pull retries")
            // list flags (a Go map in Quadlet too)
            .key("NetworkAlias", LIST, "--network-alias", "5.2", "a DNS alias of the container on its networks")
            .key("Ulimit", LIST, "--ulimit", "4.7", "a resource limit such as nofile=1024:2048")
            .key("DNS", LIST, "--dns", "4.7", "a DNS server for the container")
            .key("DNSOption", LIST, "--dns-option", "4.7", "a DNS resolver option")
            .key("DNSSearch", LIST, "--dns-search", "4.7", "a DNS search domain")
            .key("GroupAdd", LIST, "--group-add", "5.1", "an additional group for the container's process")
            .key("AddHost", LIST, "--add-host", "5.3", "a host:address line for the container's /etc/hosts")
            .key("Tmpfs", LIST, "--tmpfs", "4.5", "a tmpfs mount, path[:options]")
            // boolean flags (a Go map in Quadlet too)
            .key("RunInit", BOOLEAN, "--init", "4.4", "run an init process that reaps zombies and forwards signals")
            .key("EnvironmentHost", BOOLEAN, "--env-host", "4.4", "pass the host's whole environment into the container")
            .key("HttpProxy", BOOLEAN, "--http-proxy", "5.7", "pass the host's proxy environment variables into the container")
            .key("ReadOnlyTmpfs", BOOLEAN, "--read-only-tmpfs", "4.8", "with ReadOnly=, mount tmpfs on /dev, /dev/shm, /run, /tmp and /var/tmp")
            .key("Network", LIST, "--network", "4.4", "a network mode or network; x.network and x.container name Quadlet files")
            .key("Notify", SINGLE, "--sdnotify", "4.4", "true: the container sends sd_notify itself; healthy: ready when healthy")
            .key("NoNewPrivileges", BOOLEAN, "--security-opt=no-new-privileges", "4.4", "forbid gaining privileges, e.g. by setuid binaries")
            .key("SecurityLabelDisable", BOOLEAN, "--security-opt label=disable", "4.5", "turn SELinux separation off for the container")
            .key("SecurityLabelNested", BOOLEAN, "--security-opt label=nested", "4.6", "allow SELinux labelling inside the container")
            .key("SecurityLabelType", SINGLE, "--security-opt label=type:", "4.5", "the SELinux process type")
            .key("SecurityLabelFileType", SINGLE, "--security-opt label=filetype:", "4.5", "the SELinux file type")
            .key("SecurityLabelLevel", SINGLE, "--security-opt label=level:", "4.5", "the SELinux level")
            .key("AppArmor", SINGLE, "--security-opt apparmor=", "5.8", "the AppArmor profile")
            .key("AddDevice", WORDS, "--device", "4.4", "a host device; a leading - adds it only if it exists")
            .key("SeccompProfile", SINGLE, "--security-opt seccomp=", "4.4", "the seccomp profile (a JSON file, or unconfined)")
            .key("DropCapability", WORDS, "--cap-drop", "4.4", "capabilities to drop (all for every one)")
            .key("AddCapability", WORDS, "--cap-add", "4.4", "capabilities to add after the drops")
            .key("Sysctl", WORDS, "--sysctl", "4.6", "namespaced kernel parameters, name=value")
            .key("ReadOnly", BOOLEAN, "--read-only", "4.4", "mount the root file system read-only")
            .key("VolatileTmp", BOOLEAN, "--tmpfs /tmp", "4.4", "deprecated: a tmpfs on /tmp (use Tmpfs=/tmp)")
            .key("User", SINGLE, "--user", "4.4", "the user (and with Group= the group) the process runs as")
            .key("Group", SINGLE, "--user", "4.4", "the group the process runs as; needs User=")
            .key("UserNS", SINGLE, "--userns", "4.5", "the user namespace mode (auto, keep-id, host, ...)")
            .key("UIDMap", WORDS, "--uidmap", "4.8", "a UID mapping container:host:count")
            .key("GIDMap", WORDS, "--gidmap", "4.8", "a GID mapping container:host:count")
            .key("SubUIDMap", SINGLE, "--subuidname", "4.8", "map UIDs from this /etc/subuid entry")
            .key("SubGIDMap", SINGLE, "--subgidname", "4.8", "map GIDs from this /etc/subgid entry")
            .key("RemapUsers", SINGLE, "--userns", "4.4", "deprecated: manual, auto or keep-id (use UserNS=, UIDMap=, GIDMap=)")
            .key("RemapUid", WORDS, "--uidmap", "4.4", "deprecated: UID mappings for RemapUsers=")
            .key("RemapGid", WORDS, "--gidmap", "4.4", "deprecated: GID mappings for RemapUsers=")
            .key("RemapUidSize", SINGLE, "--userns auto:size=", "4.4", "deprecated: the namespace size for RemapUsers=auto")
            .key("Volume", LIST, "-v", "4.4", "[source:]destination[:options]; the source may be x.volume or a path")
            .key("AutoUpdate", SINGLE, "--label io.containers.autoupdate=", "4.6", "the podman auto-update policy (registry or local)")
            .key("ExposeHostPort", LIST, "--expose", "4.4", "a port or range to expose without publishing it")
            .key("PublishPort", LIST, "--publish", "4.4", "publish a port: [[ip:][hostPort]:]containerPort[/protocol]")
            .key("Environment", KEY_VALUE, "--env", "4.4", "environment variables, name=value")
            .key("Label", KEY_VALUE, "--label", "4.4", "container labels, name=value")
            .key("Annotation", KEY_VALUE, "--annotation", "4.4", "OCI annotations, name=value")
            .key("Mask", ARGS, "--security-opt mask=", "4.6", "paths to hide from the container, colon-separated")
            .key("Unmask", ARGS, "--security-opt unmask=", "4.6", "masked paths to expose, or ALL")
            .key("EnvironmentFile", ARGS, "--env-file", "4.4", "a file of environment variables; relative to the unit file")
            .key("Secret", ARGS, "--secret", "4.5", "a podman secret, name[,options]")
            .key("Mount", ARGS, "--mount", "4.5", "a mount, type=...,source=...,destination=...; the source may be a Quadlet file")
            .key("HealthCmd", SINGLE, "--health-cmd", "4.5", "the health check command, or none")
            .key("HealthInterval", SINGLE, "--health-interval", "4.5", "how often the health check runs")
            .key("HealthOnFailure", SINGLE, "--health-on-failure", "4.5", "what to do when unhealthy (none, kill, restart, stop)")
            .key("HealthLogDestination", SINGLE, "--health-log-destination", "5.3", "where health check results are logged")
            .key("HealthMaxLogCount", SINGLE, "--health-max-log-count", "5.3", "how many health check results are kept")
            .key("HealthMaxLogSize", SINGLE, "--health-max-log-size", "5.3", "the maximum length of a kept health check result")
            .key("HealthRetries", SINGLE, "--health-retries", "4.5", "failures before the container counts as unhealthy")
            .key("HealthStartPeriod", SINGLE, "--health-start-period", "4.5", "the start-up grace period of the health check")
            .key("HealthTimeout", SINGLE, "--health-timeout", "4.5", "how long one health check may take")
            .key("HealthStartupCmd", SINGLE, "--health-startup-cmd", "4.5", "the start-up health check command")
            .key("HealthStartupInterval", SINGLE, "--health-startup-interval", "4.5", "how often the start-up check runs")
            .key("HealthStartupRetries", SINGLE, "--health-startup-retries", "4.5", "start-up check failures before a restart")
            .key("HealthStartupSuccess", SINGLE, "--health-startup-success", "4.5", "start-up check successes before the normal check starts")
            .key("HealthStartupTimeout", SINGLE, "--health-startup-timeout", "4.5", "how long one start-up check may take")
            .key("Pod", SINGLE, "--pod-id-file", "5.0", "the x.pod file whose pod the container joins")
            .key("StartWithPod", BOOLEAN, "", "5.3", "start this container when its pod starts (default true)")
            .key("PodmanArgs", ARGS, "", "4.4", "extra podman run arguments, placed before the image")
            .key("Image", SINGLE, "", "4.4", "the image to run; x.image or x.build names a Quadlet file")
            .key("Rootfs", SINGLE, "--rootfs", "4.5", "run an exploded root file system instead of an image")
            .key("Exec", COMMAND, "", "4.4", "the command and arguments, after the image")
            // ExecReload=
            .key("ReloadCmd", COMMAND, "exec", "5.5", "ExecReload= runs this command in the container")
            .key("ReloadSignal", SINGLE, "kill --signal", "5.5", "ExecReload= sends this signal to the container")
            // names only
            .key("ServiceName", SINGLE, "", "5.3", "the generated service's name, without .service")
            .build();

    private ContainerKeys() {
    }
}
