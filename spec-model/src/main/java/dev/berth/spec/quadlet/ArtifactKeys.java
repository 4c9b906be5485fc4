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
public final class ArtifactKeys {
    private static final KeyTable T = new KeyTable("Artifact");

    public static final KeySpec CONTAINERS_CONF_MODULE = T.step("ContainersConfModule", LIST, "--module", "5.7",
            "a containers.conf module to load, before the podman subcommand");
    public static final KeySpec GLOBAL_ARGS = T.step("GlobalArgs", ARGS, "", "5.7",
            "arguments placed between podman and the artifact subcommand");
    public static final KeySpec AUTH_FILE = T.flag("AuthFile", SINGLE, "--authfile", "5.7",
            "path of the registry authentication file");
    public static final KeySpec CERT_DIR = T.flag("CertDir", SINGLE, "--cert-dir", "5.7",
            "directory of certificates for the registry");
    public static final KeySpec CREDS = T.flag("Creds", SINGLE, "--creds", "5.7",
            "registry credentials as user[:password]");
    public static final KeySpec DECRYPTION_KEY = T.flag("DecryptionKey", SINGLE, "--decryption-key", "5.7",
            "key[:passphrase] to decrypt an encrypted artifact");
    public static final KeySpec RETRY = T.flag("Retry", SINGLE, "--retry", "5.7",
            "how many times to retry a failed pull");
    public static final KeySpec RETRY_DELAY = T.flag("RetryDelay", SINGLE, "--retry-delay", "5.7",
            "delay between pull retries");
    public static final KeySpec QUIET = T.flag("Quiet", BOOLEAN, "--quiet", "5.7",
            "do not print pull progress");
    public static final KeySpec TLS_VERIFY = T.flag("TLSVerify", BOOLEAN, "--tls-verify", "5.7",
            "require HTTPS and verify certificates (false allows plain HTTP)");
    public static final KeySpec PODMAN_ARGS = T.step("PodmanArgs", ARGS, "", "5.7",
            "extra arguments appended to podman artifact pull");
    public static final KeySpec ARTIFACT = T.step("Artifact", SINGLE, "", "5.7",
            "the OCI artifact to pull (required)");
    public static final KeySpec SERVICE_NAME = T.step("ServiceName", SINGLE, "", "5.7",
            "the generated service's name (default: <file name>-artifact)");

    /** Every key of the section, in declaration order. */
    static final List<KeySpec> ALL = T.build();

    /** The section's keys by name, and its flags, built with the table (when the section is first used). */
    static final SectionKeys INDEX = new SectionKeys(ALL);

    private ArtifactKeys() {
    }
}
