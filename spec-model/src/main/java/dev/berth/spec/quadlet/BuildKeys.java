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
final class BuildKeys {
    static final List<KeySpec> ALL = new KeyTable("Build")
            .key("ContainersConfModule", LIST, "--module", "5.2",
                    "a containers.conf module to load, before the podman subcommand")
            .key("GlobalArgs", ARGS, "", "5.2",
                    "arguments placed between podman and the build subcommand")
            .key("Pull", SINGLE, "--pull=", "5.2",
                    "pull policy for base images: always, missing, never or newer")
            .key("Arch", SINGLE, "--arch", "5.2",
                    "build for this architecture")
            .key("AuthFile", SINGLE, "--authfile", "5.2",
                    "path of the registry authentication file")
            .key("IgnoreFile", SINGLE, "--ignorefile", "5.7",
                    "path of an alternative .containerignore file")
            .key("Target", SINGLE, "--target", "5.2",
                    "the build stage to build")
            .key("Variant", SINGLE, "--variant", "5.2",
                    "build for this variant of the architecture")
            .key("Retry", SINGLE, "--retry", "5.5",
                    "how many times to retry a failed pull of a base image")
            .key("RetryDelay", SINGLE, "--retry-delay", "5.5",
                    "delay between pull retries")
            .key("TLSVerify", BOOLEAN, "--tls-verify", "5.2",
                    "require HTTPS and verify certificates when pulling (false allows plain HTTP)")
            .key("ForceRM", BOOLEAN, "--force-rm", "5.2",
                    "always remove intermediate containers, even after a failed build")
            .key("DNS", LIST, "--dns", "5.2",
                    "DNS server for the build containers")
            .key("DNSOption", LIST, "--dns-option", "5.2",
                    "DNS option for the build containers")
            .key("DNSSearch", LIST, "--dns-search", "5.2",
                    "DNS search domain for the build containers")
            .key("GroupAdd", LIST, "--group-add", "5.2",
                    "additional group for the build containers")
            .key("ImageTag", LIST, "--tag", "5.2",
                    "name of the built image (required); the first one is what other files reference")
            .key("Annotation", KEY_VALUE, "--annotation", "5.2",
                    "key=value annotations set on the image")
            .key("Environment", KEY_VALUE, "--env", "5.2",
                    "key=value environment variables set in the image")
            .key("Label", KEY_VALUE, "--label", "5.2",
                    "key=value labels set on the image")
            .key("BuildArg", KEY_VALUE, "--build-arg", "5.7",
                    "key=value build arguments (ARG instructions)")
            .key("Network", LIST, "--network", "5.2",
                    "network mode for RUN instructions, or a .network/.container file")
            .key("Secret", ARGS, "--secret", "5.2",
                    "secret to expose to the build, as id=...,src=...")
            .key("Volume", LIST, "-v", "5.2",
                    "bind mount for RUN instructions, [source:]destination[:options]; source may be a .volume file")
            .key("File", SINGLE, "--file", "5.2",
                    "the Containerfile: a path (relative to SetWorkingDirectory=) or URL")
            .key("PodmanArgs", ARGS, "", "5.2",
                    "extra arguments placed before the build context")
            .key("SetWorkingDirectory", SINGLE, "", "5.2",
                    "build context and WorkingDirectory=: file, unit, a path or a URL")
            .key("ServiceName", SINGLE, "", "5.3",
                    "the generated service's name (default: <file name>-build)")
            .build();

    private BuildKeys() {
    }
}
