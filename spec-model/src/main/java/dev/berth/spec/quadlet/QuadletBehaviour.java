package dev.berth.spec.quadlet;

/**
 * Every behaviour of Quadlet's translation that changed between the versions berth can target, declared once
 * with the version it starts in (keys carry theirs in {@link KeySpec#since()}). A target older than
 * {@link #since()} gets the earlier behaviour; {@link #anchor()} is the heading of docs/compatibility.md that
 * describes both.
 */
public enum QuadletBehaviour {
    UNIT_DEPENDENCY_NAMES("5.5", "unit-dependencies-translated",
            "Quadlet file names in [Unit] dependency keys (After=db.container) become their services' names"),
    STOP_BY_NAME("5.6", "stop-by-name",
            "containers and pods are stopped and removed by name, without --cidfile and --pod-id-file"),
    SPACES_ESCAPED("5.5", "spaces-escaped",
            "a blank inside a quoted podman argument is written \\x20"),
    UNIT_PREAMBLE("5.6", "unit-preamble",
            "every kind's [Unit] gets SourcePath= then RequiresMountsFor=%t/containers before anything that names other units"),
    VOLUME_BIND_MOUNTS_FOR("5.8", "volume-bind-mounts-for",
            "a .volume with Type=bind requires its Device= path to be mounted (RequiresMountsFor=)"),
    MOUNT_TYPE_DEFAULTS_TO_VOLUME("5.6", "mount-type-defaults-to-volume",
            "a Mount= without type= is a volume mount"),
    SEVERAL_YAML("5.7", "kube-several-yaml",
            "every Yaml= of a .kube file is played and torn down, not only the last"),
    TEMPLATE_REFERENCES("5.7", "template-references",
            "a template may name template volumes and networks (Volume=data@.volume) for its instance"),
    ARTIFACT_KIND("5.7", "newer-keys",
            "the .artifact kind"),
    EMPTY_ENTRYPOINT("5.8", "entrypoint-empty",
            "Entrypoint= is written --entrypoint=VALUE, and Entrypoint=\"\" clears the image's entry point"),
    HEALTH_CMD_QUOTING("5.8", "single-value-quotes",
            "a single value loses one pair of surrounding double quotes, not every quote at its ends (HealthCmd=sh -c \"x\" keeps its last quote)"),
    VOLUME_OPTIONS_WITHOUT_DEVICE("6.0", "volume-options-without-device",
            "a .volume's Options= applies without Device="),
    ANONYMOUS_MOUNT("6.0", "mount-without-source",
            "Mount=type=volume without a source makes an anonymous volume"),
    ROOTLESS_SHARE_USERS("6.0", "rootless-share-users",
            "rootless search paths include /usr/share/containers/systemd/users and .../users/UID"),
    POD_KEEPS_RESTART("6.0", "pod-keeps-environment-and-restart",
            "a .pod keeps the Restart= its [Service] sets");

    private final String since;
    private final String anchor;
    private final String description;
    /** {@link #since()} read once: targets ask about behaviours on the generator's path, for every file. */
    private final QuadletVersion version;

    QuadletBehaviour(String since, String anchor, String description) {
        this.since = since;
        this.anchor = anchor;
        this.description = description;
        this.version = QuadletVersion.of(since);
    }

    /** {@link #since()} as a target: its major and minor release. */
    public QuadletVersion version() {
        return version;
    }

    /** The Podman version whose Quadlet behaves so first. */
    public String since() {
        return since;
    }

    /** The heading of docs/compatibility.md that describes the behaviour. */
    public String anchor() {
        return anchor;
    }

    public String description() {
        return description;
    }
}
