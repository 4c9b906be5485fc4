package dev.berth.spec.quadlet;

import static dev.berth.spec.quadlet.ValueKind.ARGS;
import static dev.berth.spec.quadlet.ValueKind.BOOLEAN;
import static dev.berth.spec.quadlet.ValueKind.LIST;
import static dev.berth.spec.quadlet.ValueKind.SINGLE;
import static dev.berth.spec.quadlet.ValueKind.WORDS;

import java.util.List;

/** The keys of {@code [Kube]}, in the order Quadlet emits their podman arguments. */
public final class KubeKeys {
    private static final KeyTable T = new KeyTable("Kube");

    public static final KeySpec CONTAINERS_CONF_MODULE = T.step("ContainersConfModule", LIST, "--module", "4.8",
            "a containers.conf module to load, before the podman subcommand");
    public static final KeySpec GLOBAL_ARGS = T.step("GlobalArgs", ARGS, "", "4.8",
            "arguments placed between podman and the kube subcommands");
    public static final KeySpec EXIT_CODE_PROPAGATION = T.step("ExitCodePropagation", SINGLE, "--service-exit-code-propagation=", "4.6",
            "how container exit codes become the service's: all, any or none");
    public static final KeySpec LOG_DRIVER = T.step("LogDriver", SINGLE, "--log-driver", "4.5",
            "log driver of the containers");
    public static final KeySpec LOG_OPT = T.step("LogOpt", WORDS, "--log-opt", "5.2",
            "log driver option, name=value");
    public static final KeySpec USER_NS = T.step("UserNS", SINGLE, "--userns", "4.5",
            "user namespace mode of the pods");
    public static final KeySpec REMAP_USERS = T.step("RemapUsers", SINGLE, "--userns", "4.4",
            "deprecated: auto or keep-id (manual is not supported here); use UserNS= instead");
    public static final KeySpec REMAP_UID = T.step("RemapUid", WORDS, "--userns", "4.4",
            "deprecated: UID mapping for RemapUsers=");
    public static final KeySpec REMAP_GID = T.step("RemapGid", WORDS, "--userns", "4.4",
            "deprecated: GID mapping for RemapUsers=");
    public static final KeySpec REMAP_UID_SIZE = T.step("RemapUidSize", SINGLE, "--userns auto:size=", "4.4",
            "deprecated: size of the automatic user namespace for RemapUsers=auto");
    public static final KeySpec NETWORK = T.step("Network", LIST, "--network", "4.4",
            "network mode, or a .network/.container file to join");
    public static final KeySpec AUTO_UPDATE = T.step("AutoUpdate", WORDS, "--annotation=io.containers.autoupdate", "4.7",
            "auto-update policy, registry or local; container/policy for one container");
    public static final KeySpec CONFIG_MAP = T.step("ConfigMap", WORDS, "--configmap", "4.4",
            "path of a Kubernetes ConfigMap YAML, relative to the unit file");
    public static final KeySpec PUBLISH_PORT = T.step("PublishPort", LIST, "--publish", "4.4",
            "publish a port to the host, [[ip:]hostPort:]containerPort[/proto]");
    public static final KeySpec PODMAN_ARGS = T.step("PodmanArgs", ARGS, "", "4.6",
            "extra arguments placed before the YAML file");
    public static final KeySpec YAML = T.step("Yaml", LIST, "", "4.4",
            "the Kubernetes YAML file to play, relative to the unit file (required; repeatable since 5.7)");
    public static final KeySpec KUBE_DOWN_FORCE = T.step("KubeDownForce", BOOLEAN, "--force", "4.8",
            "also remove volumes on podman kube down");
    public static final KeySpec SET_WORKING_DIRECTORY = T.step("SetWorkingDirectory", SINGLE, "", "4.7",
            "WorkingDirectory= of the service: yaml (the YAML file's directory) or unit");
    public static final KeySpec SERVICE_NAME = T.step("ServiceName", SINGLE, "", "5.3",
            "the generated service's name (default: <file name>)");

    /** Every key of the section, in declaration order. */
    static final List<KeySpec> ALL = T.build();

    /** The section's keys by name, and its flags, built with the table (when the section is first used). */
    static final SectionKeys INDEX = new SectionKeys(ALL);

    private KubeKeys() {
    }
}
