package dev.berth.generator;

import static dev.berth.generator.KeyCases.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactTranslatorTest extends KeyCaseTests {

    private static final String ARTIFACT = "registry.example.org/ml/model:1";
    private static final String P = "ExecStart=/usr/bin/podman artifact pull ";

    static final KeyCases KEYS = KeyCases.of("Artifact", "model.artifact", "Artifact=" + ARTIFACT + "\n",
            row("ContainersConfModule", "ContainersConfModule=/etc/a.conf",
                    "ExecStart=/usr/bin/podman --module=/etc/a.conf artifact pull " + ARTIFACT),
            row("GlobalArgs", "GlobalArgs=--log-level=debug",
                    "ExecStart=/usr/bin/podman --log-level=debug artifact pull " + ARTIFACT),
            row("AuthFile", "AuthFile=/etc/auth.json", P + "--authfile /etc/auth.json " + ARTIFACT),
            row("CertDir", "CertDir=/etc/certs", P + "--cert-dir /etc/certs " + ARTIFACT),
            row("Creds", "Creds=robot:secret", P + "--creds robot:secret " + ARTIFACT),
            row("DecryptionKey", "DecryptionKey=/k.pem", P + "--decryption-key /k.pem " + ARTIFACT),
            row("Retry", "Retry=3", P + "--retry 3 " + ARTIFACT),
            row("RetryDelay", "RetryDelay=5s\nRetry=2", P + "--retry 2 --retry-delay 5s " + ARTIFACT),
            row("Quiet", "Quiet=true", P + "--quiet " + ARTIFACT),
            row("TLSVerify", "TLSVerify=false\nQuiet=false", P + "--quiet=false --tls-verify=false " + ARTIFACT),
            row("PodmanArgs", "PodmanArgs=--arch arm64", P + "--arch arm64 " + ARTIFACT),
            row("Artifact", "Artifact=registry.example.org/ml/other:2", P + "registry.example.org/ml/other:2"),
            row("ServiceName", "ServiceName=model", "---model.service---"));

    @Override
    KeyCases keyCases() {
        return KEYS;
    }

    @Test
    void realisticArtifact() {
        assertEquals("""
                ---model-artifact.service---
                [Unit]
                Wants=network-online.target
                After=network-online.target
                Description=The model
                After=weights-image.service
                SourcePath=/etc/containers/systemd/model.artifact
                RequiresMountsFor=%t/containers

                [X-Artifact]
                Artifact=registry.example.org/ml/model:1
                TLSVerify=true
                Retry=3

                [Service]
                ExecStart=/usr/bin/podman artifact pull --retry 3 --tls-verify registry.example.org/ml/model:1
                SyslogIdentifier=%N
                Type=oneshot
                RemainAfterExit=yes

                """, KindFixtures.with("model.artifact", """
                [Unit]
                Description=The model
                After=weights.image

                [Artifact]
                Artifact=registry.example.org/ml/model:1
                TLSVerify=true
                Retry=3
                """).and("weights.image", "[Image]\nImage=registry.example.org/ml/weights:1\n")
                .unit("model-artifact.service").transform(u -> "---model-artifact.service---\n" + u + "\n"));
    }

    @Test
    void artifactIsRequired() {
        assertEquals(List.of("/etc/containers/systemd/model.artifact:1:1: error: a .artifact file needs Artifact=;"
                + " add Artifact=<artifact to pull>"), KindFixtures.with("model.artifact", "[Artifact]\nQuiet=true\n").errors());
    }

    @Test
    void emptyArtifactIsAnError() {
        assertEquals(List.of("/etc/containers/systemd/model.artifact:2:1: error: Artifact= is empty;"
                + " add Artifact=<artifact to pull>"), KindFixtures.with("model.artifact", "[Artifact]\nArtifact=\n").errors());
    }

    @Test
    void unitDependencyOnAMissingQuadletFileIsAnError() {
        assertEquals(List.of("/etc/containers/systemd/model.artifact:2:7: error: [Unit] After= names gone.image, but"
                        + " there is no such Quadlet file; create gone.image in one of the unit directories, or fix the name"),
                KindFixtures.with("model.artifact", "[Unit]\nAfter=gone.image\n[Artifact]\nArtifact=" + ARTIFACT + "\n")
                        .errors());
    }
}
