package dev.berth.spec.quadlet;

import static dev.berth.spec.quadlet.ValueKind.ARGS;
import static dev.berth.spec.quadlet.ValueKind.BOOLEAN;
import static dev.berth.spec.quadlet.ValueKind.LIST;
import static dev.berth.spec.quadlet.ValueKind.SINGLE;

import java.util.List;

/**
 * The keys of {@code [Image]}, in the order Quadlet emits their podman arguments. Quadlet emits the options
 * from Arch to RetryDelay, and AllTags/TLSVerify, in random order (Go maps).
 */
final class ImageKeys {
    static final List<KeySpec> ALL = new KeyTable("Image")
            .key("ContainersConfModule", LIST, "--module", "4.8",
                    "a containers.conf module to load, before the podman subcommand")
            .key("GlobalArgs", ARGS, "", "4.8",
                    "arguments placed between podman and the image subcommand")
            .key("Arch", SINGLE, "--arch", "4.8",
                    "pull the image for this architecture")
            .key("AuthFile", SINGLE, "--authfile", "4.8",
                    "path of the registry authentication file")
            .key("CertDir", SINGLE, "--cert-dir", "4.8",
                    "directory of certificates for the registry")
            .key("Creds", SINGLE, "--creds", "4.8",
                    "registry credentials as user[:password]")
            .key("DecryptionKey", SINGLE, "--decryption-key", "4.8",
                    "key[:passphrase] to decrypt an encrypted image")
            .key("OS", SINGLE, "--os", "4.8",
                    "pull the image for this operating system")
            .key("Policy", SINGLE, "--policy", "5.6",
                    "pull policy: always, missing, never or newer")
            .key("Variant", SINGLE, "--variant", "4.8",
                    "pull this variant of the architecture")
            .key("Retry", SINGLE, "--retry", "5.5",
                    "how many times to retry a failed pull")
            .key("RetryDelay", SINGLE, "--retry-delay", "5.5",
                    "delay between pull retries")
            .key("AllTags", BOOLEAN, "--all-tags", "4.8",
                    "pull every tagged image of the repository")
            .key("TLSVerify", BOOLEAN, "--tls-verify", "4.8",
                    "require HTTPS and verify certificates (false allows plain HTTP)")
            .key("PodmanArgs", ARGS, "", "4.8",
                    "extra arguments appended to podman image pull")
            .key("Image", SINGLE, "", "4.8",
                    "the image to pull (required)")
            .key("ImageTag", SINGLE, "", "4.8",
                    "the name other files get when they reference this .image (default: Image=)")
            .key("ServiceName", SINGLE, "", "5.3",
                    "the generated service's name (default: <file name>-image)")
            .build();

    private ImageKeys() {
    }
}
