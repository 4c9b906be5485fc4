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
public final class ImageKeys {
    private static final KeyTable T = new KeyTable("Image");

    public static final KeySpec CONTAINERS_CONF_MODULE = T.step("ContainersConfModule", LIST, "--module", "4.8",
            "a containers.conf module to load, before the podman subcommand");
    public static final KeySpec GLOBAL_ARGS = T.step("GlobalArgs", ARGS, "", "4.8",
            "arguments placed between podman and the image subcommand");
    public static final KeySpec ARCH = T.flag("Arch", SINGLE, "--arch", "4.8",
            "pull the image for this architecture");
    public static final KeySpec AUTH_FILE = T.flag("AuthFile", SINGLE, "--authfile", "4.8",
            "path of the registry authentication file");
    public static final KeySpec CERT_DIR = T.flag("CertDir", SINGLE, "--cert-dir", "4.8",
            "directory of certificates for the registry");
    public static final KeySpec CREDS = T.flag("Creds", SINGLE, "--creds", "4.8",
            "registry credentials as user[:password]");
    public static final KeySpec DECRYPTION_KEY = T.flag("DecryptionKey", SINGLE, "--decryption-key", "4.8",
            "key[:passphrase] to decrypt an encrypted image");
    public static final KeySpec OS = T.flag("OS", SINGLE, "--os", "4.8",
            "pull the image for this operating system");
    public static final KeySpec POLICY = T.flag("Policy", SINGLE, "--policy", "5.6",
            "pull policy: always, missing, never or newer");
    public static final KeySpec VARIANT = T.flag("Variant", SINGLE, "--variant", "4.8",
            "pull this variant of the architecture");
    public static final KeySpec RETRY = T.flag("Retry", SINGLE, "--retry", "5.5",
            "how many times to retry a failed pull");
    public static final KeySpec RETRY_DELAY = T.flag("RetryDelay", SINGLE, "--retry-delay", "5.5",
            "delay between pull retries");
    public static final KeySpec ALL_TAGS = T.flag("AllTags", BOOLEAN, "--all-tags", "4.8",
            "pull every tagged image of the repository");
    public static final KeySpec TLS_VERIFY = T.flag("TLSVerify", BOOLEAN, "--tls-verify", "4.8",
            "require HTTPS and verify certificates (false allows plain HTTP)");
    public static final KeySpec PODMAN_ARGS = T.step("PodmanArgs", ARGS, "", "4.8",
            "extra arguments appended to podman image pull");
    public static final KeySpec IMAGE = T.step("Image", SINGLE, "", "4.8",
            "the image to pull (required)");
    public static final KeySpec IMAGE_TAG = T.step("ImageTag", SINGLE, "", "4.8",
            "the name other files get when they reference this .image (default: Image=)");
    public static final KeySpec SERVICE_NAME = T.step("ServiceName", SINGLE, "", "5.3",
            "the generated service's name (default: <file name>-image)");

    /** Every key of the section, in declaration order. */
    static final List<KeySpec> ALL = T.build();

    /** The section's keys by name, and its flags, built with the table (when the section is first used). */
    static final SectionKeys INDEX = new SectionKeys(ALL);

    private ImageKeys() {
    }
}
