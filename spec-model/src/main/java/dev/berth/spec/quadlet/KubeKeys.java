package dev.berth.spec.quadlet;

import static dev.berth.spec.quadlet.ValueKind.ARGS;
import static dev.berth.spec.quadlet.ValueKind.BOOLEAN;
import static dev.berth.spec.quadlet.ValueKind.LIST;
import static dev.berth.spec.quadlet.ValueKind.SINGLE;
import static dev.berth.spec.quadlet.ValueKind.WORDS;

import java.util.List;

/** The keys of {@code [Kube]}, in the order Quadlet emits their podman arguments. */
final class KubeKeys {
    static final List<KeySpec> ALL = new KeyTable("Kube")
            .key("ContainersConfModule", LIST, "--module", "4.8",
                    "a containers.conf module to load, before the podman subcommand")
            .key("GlobalArgs", ARGS, "", "4.8",
                    "arguments placed between podman and the kube subcommands")
            .key("ExitCodePropagation", SINGLE, "--service-exit-code-propagation=", "4.6",
                    "how container exit codes become the service's: all, any or none")
            .key("LogDriver", SINGLE, "--log-driver", "4.5",
                    "log driver of the containers")
            .key("LogOpt", WORDS, "--log-opt", "5.2",
                    "log driver option, name=value")
            .key("UserNS", SINGLE, "--userns", "4.5",
                    "user namespace mode of the pods")
            .key("RemapUsers", SINGLE, "--userns", "4.4",
                    "deprecated: auto or keep-id (manual is not supported here); use UserNS= instead")
            .key("RemapUid", WORDS, "--userns", "4.4",
                    "deprecated: UID mapping for RemapUsers=")
            .key("RemapGid", WORDS, "--userns", "4.4",
                    "deprecated: GID mapping for RemapUsers=")
            .key("RemapUidSize", SINGLE, "--userns auto:size=", "4.4",
                    "deprecated: size of the automatic user namespace for RemapUsers=auto")
            .key("Network", LIST, "--network", "4.4",
                    "network mode, or a .network/.container file to join")
            .key("AutoUpdate", WORDS, "--annotation=io.containers.autoupdate", "4.7",
                    "auto-update policy, registry or local; container/policy for one container")
            .key("ConfigMap", WORDS, "--configmap", "4.4",
                    "path of a Kubernetes ConfigMap YAML, relative to the unit file")
            .key("PublishPort", LIST, "--publish", "4.4",
                    "publish a port to the host, [[ip:]hostPort:]containerPort[/proto]")
            .key("PodmanArgs", ARGS, "", "4.6",
                    "extra arguments placed before the YAML file")
            .key("Yaml", LIST, "", "4.4",
                    "the Kubernetes YAML file to play, relative to the unit file (required; repeatable since 5.7)")
            .key("KubeDownForce", BOOLEAN, "--force", "4.8",
                    "also remove volumes on podman kube down")
            .key("SetWorkingDirectory", SINGLE, "", "4.7",
                    "WorkingDirectory= of the service: yaml (the YAML file's directory) or unit")
            .key("ServiceName", SINGLE, "", "5.3",
                    "the generated service's name (default: <file name>)")
            .build();

    private KubeKeys() {
    }
}
