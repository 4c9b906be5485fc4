package dev.berth.spec.quadlet;

import static dev.berth.spec.quadlet.ValueKind.ARGS;
import static dev.berth.spec.quadlet.ValueKind.BOOLEAN;
import static dev.berth.spec.quadlet.ValueKind.KEY_VALUE;
import static dev.berth.spec.quadlet.ValueKind.LIST;
import static dev.berth.spec.quadlet.ValueKind.SINGLE;

import java.util.List;

/**
 * The keys of {@code [Build]}, in the order Quadlet emits their podman arguments. Quadlet emits the options
 * from Arch to RetryDelay, TLSVerify/ForceRM, and DNS to ImageTag in random order within each group (Go maps).
 */
public final class BuildKeys {
    private static final KeyTable T = new KeyTable("Build");

    public static final KeySpec CONTAINERS_CONF_MODULE = T.step("ContainersConfModule", LIST, "--module", "5.2",
            "a containers.conf module to load, before the podman subcommand");
    public static final KeySpec GLOBAL_ARGS = T.step("GlobalArgs", ARGS, "", "5.2",
            "arguments placed between podman and the build subcommand");
    public static final KeySpec PULL = T.step("Pull", SINGLE, "--pull=", "5.2",
            "pull policy for base images: always, missing, never or newer");
    public static final KeySpec ARCH = T.flag("Arch", SINGLE, "--arch", "5.2",
            "build for this architecture");
    public static final KeySpec AUTH_FILE = T.flag("AuthFile", SINGLE, "--authfile", "5.2",
            "path of the registry authentication file");
    public static final KeySpec IGNORE_FILE = T.flag("IgnoreFile", SINGLE, "--ignorefile", "5.7",
            "path of an alternative .containerignore file");
    public static final KeySpec TARGET = T.flag("Target", SINGLE, "--target", "5.2",
            "the build stage to build");
    public static final KeySpec VARIANT = T.flag("Variant", SINGLE, "--variant", "5.2",
            "build for this variant of the architecture");
    public static final KeySpec RETRY = T.flag("Retry", SINGLE, "--retry", "5.5",
            "how many times to retry a failed pull of a base image");
    public static final KeySpec RETRY_DELAY = T.flag("RetryDelay", SINGLE, "--retry-delay", "5.5",
            "delay between pull retries");
    public static final KeySpec TLS_VERIFY = T.flag("TLSVerify", BOOLEAN, "--tls-verify", "5.2",
            "require HTTPS and verify certificates when pulling (false allows plain HTTP)");
    public static final KeySpec FORCE_RM = T.flag("ForceRM", BOOLEAN, "--force-rm", "5.2",
            "always remove intermediate containers, even after a failed build");
    public static final KeySpec DNS = T.flag("DNS", LIST, "--dns", "5.2",
            "DNS server for the build containers");
    public static final KeySpec DNS_OPTION = T.flag("DNSOption", LIST, "--dns-option", "5.2",
            "DNS option for the build containers");
    public static final KeySpec DNS_SEARCH = T.flag("DNSSearch", LIST, "--dns-search", "5.2",
            "DNS search domain for the build containers");
    public static final KeySpec GROUP_ADD = T.flag("GroupAdd", LIST, "--group-add", "5.2",
            "additional group for the build containers");
    public static final KeySpec IMAGE_TAG = T.flag("ImageTag", LIST, "--tag", "5.2",
            "name of the built image (required); the first one is what other files reference");
    public static final KeySpec ANNOTATION = T.step("Annotation", KEY_VALUE, "--annotation", "5.2",
            "key=value annotations set on the image");
    public static final KeySpec ENVIRONMENT = T.step("Environment", KEY_VALUE, "--env", "5.2",
            "key=value environment variables set in the image");
    public static final KeySpec LABEL = T.step("Label", KEY_VALUE, "--label", "5.2",
            "key=value labels set on the image");
    public static final KeySpec BUILD_ARG = T.step("BuildArg", KEY_VALUE, "--build-arg", "5.7",
            "key=value build arguments (ARG instructions)");
    public static final KeySpec NETWORK = T.step("Network", LIST, "--network", "5.2",
            "network mode for RUN instructions, or a .network/.container file");
    public static final KeySpec SECRET = T.step("Secret", ARGS, "--secret", "5.2",
            "secret to expose to the build, as id=...,src=...");
    public static final KeySpec VOLUME = T.step("Volume", LIST, "-v", "5.2",
            "bind mount for RUN instructions, [source:]destination[:options]; source may be a .volume file");
    public static final KeySpec FILE = T.step("File", SINGLE, "--file", "5.2",
            "the Containerfile: a path (relative to SetWorkingDirectory=) or URL");
    public static final KeySpec PODMAN_ARGS = T.step("PodmanArgs", ARGS, "", "5.2",
            "extra arguments placed before the build context");
    public static final KeySpec SET_WORKING_DIRECTORY = T.step("SetWorkingDirectory", SINGLE, "", "5.2",
            "build context and WorkingDirectory=: file, unit, a path or a URL");
    public static final KeySpec SERVICE_NAME = T.step("ServiceName", SINGLE, "", "5.3",
            "the generated service's name (default: <file name>-build)");

    /** Every key of the section, in declaration order. */
    static final List<KeySpec> ALL = T.build();

    /** The section's keys by name, and its flags, built with the table (when the section is first used). */
    static final SectionKeys INDEX = new SectionKeys(ALL);

    private BuildKeys() {
    }
}
