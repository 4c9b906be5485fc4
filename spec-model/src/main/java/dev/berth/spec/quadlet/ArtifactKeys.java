package dev.berth.spec.quadlet;

import static dev.berth.spec.quadlet.ValueKind.ARGS;
import static dev.berth.spec.quadlet.ValueKind.BOOLEAN;
import static dev.berth.spec.quadlet.ValueKind.LIST;
import static dev.berth.spec.quadlet.ValueKind.SINGLE;

import java.util.List;

/**
 * The keys of {@code [Artifact]}, in the order Quadlet emits their podman arguments. Quadlet emits the options
 * from AuthFile to RetryDelay, and Quiet/TLSVerify, in random order (Go maps).
 */
final class ArtifactKeys {
    static final List<KeySpec> ALL = new KeyTable("Artifact")
            .key("ContainersConfModule", LIST, "--module", "5.7",
                    "a containers.conf module to load, before the podman subcommand")
            .key("GlobalArgs", ARGS, "", "5.7",
                    "arguments placed between podman and the artifact subcommand")
            .key("AuthFile", SINGLE, "--authfile", "5.7",
                    "path of the registry authentication file")
            .key("CertDir", SINGLE, "--cert-dir", "5.7",
                    "directory of certificates for the registry")
            .key("Creds", SINGLE, "--creds", "5.7",
                    "registry credentials as user[:password]")
            .key("DecryptionKey", SINGLE, "--decryption-key", "5.7",
                    "key[:passphrase] to decrypt an encrypted artifact")
            .key("Retry", SINGLE, "--retry", "5.7",
                    "how many times to retry a failed pull")
            .key("RetryDelay", SINGLE, "--retry-delay", "5.7",
                    "delay between pull retries")
            .key("Quiet", BOOLEAN, "--quiet", "5.7",
                    "do not print pull progress")
            .key("TLSVerify", BOOLEAN, "--tls-verify", "5.7",
                    "require HTTPS and verify certificates (false allows plain HTTP)")
            .key("PodmanArgs", ARGS, "", "5.7",
                    "extra arguments appended to podman artifact pull")
            .key("Artifact", SINGLE, "", "5.7",
                    "the OCI artifact to pull (required)")
            .key("ServiceName", SINGLE, "", "5.7",
                    "the generated service's name (default: <file name>-artifact)")
            .build();

    private ArtifactKeys() {
    }
}
