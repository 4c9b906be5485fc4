package dev.berth.generator;

import static dev.berth.generator.KeyCases.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageTranslatorTest extends KeyCaseTests {

    private static final String IMAGE = "registry.example.org/team/app:2";
    private static final String P = "ExecStart=/usr/bin/podman image pull ";

    static final KeyCases KEYS = KeyCases.of("Image", "app.image", "Image=" + IMAGE + "\n",
            row("ContainersConfModule", "ContainersConfModule=/etc/a.conf",
                    "ExecStart=/usr/bin/podman --module=/etc/a.conf image pull " + IMAGE),
            row("GlobalArgs", "GlobalArgs=--log-level=debug",
                    "ExecStart=/usr/bin/podman --log-level=debug image pull " + IMAGE),
            row("Arch", "Arch=arm64", P + "--arch arm64 " + IMAGE),
            row("AuthFile", "AuthFile=/etc/auth.json", P + "--authfile /etc/auth.json " + IMAGE),
            row("CertDir", "CertDir=/etc/certs", P + "--cert-dir /etc/certs " + IMAGE),
            row("Creds", "Creds=robot:secret", P + "--creds robot:secret " + IMAGE),
            row("DecryptionKey", "DecryptionKey=/k.pem", P + "--decryption-key /k.pem " + IMAGE),
            row("OS", "OS=linux", P + "--os linux " + IMAGE),
            row("Policy", "Policy=newer", P + "--policy newer " + IMAGE),
            row("Variant", "Variant=v8", P + "--variant v8 " + IMAGE),
            row("Retry", "Retry=5", P + "--retry 5 " + IMAGE),
            row("RetryDelay", "RetryDelay=10s", P + "--retry-delay 10s " + IMAGE),
            row("AllTags", "AllTags=true", P + "--all-tags " + IMAGE),
            row("TLSVerify", "TLSVerify=false", P + "--tls-verify=false " + IMAGE),
            row("PodmanArgs", "PodmanArgs=--quiet", P + "--quiet " + IMAGE),
            row("Image", "Image=\"registry.example.org/other:1\"", P + "registry.example.org/other:1"),
            row("ImageTag", "ImageTag=localhost/app", P + IMAGE),
            row("ServiceName", "ServiceName=pull-app", "---pull-app.service---"));

    @Override
    KeyCases keyCases() {
        return KEYS;
    }

    @Test
    void emptyValuesAddNoOption() {
        KEYS.check("Arch=\nOS=", P + IMAGE);
    }

    @Test
    void realisticImage() {
        assertEquals("""
                ---app-image.service---
                [Unit]
                Description=Pull the app image

                [X-Image]
                Image=registry.example.org/team/app:2
                ImageTag=localhost/app:2
                AuthFile=/etc/containers/auth.json
                TLSVerify=true

                [Install]
                WantedBy=default.target

                [Service]
                ExecStart=/usr/bin/podman image pull --authfile /etc/containers/auth.json --tls-verify registry.example.org/team/app:2
                SyslogIdentifier=%N
                Type=oneshot
                RemainAfterExit=yes

                """.replace("Description=Pull the app image\n", """
                Wants=network-online.target
                After=network-online.target
                Description=Pull the app image
                SourcePath=/etc/containers/systemd/app.image
                RequiresMountsFor=%t/containers
                """), KindFixtures.with("app.image", """
                [Unit]
                Description=Pull the app image

                [Image]
                Image=registry.example.org/team/app:2
                ImageTag=localhost/app:2
                AuthFile=/etc/containers/auth.json
                TLSVerify=true

                [Install]
                WantedBy=default.target
                """).dryRun());
    }

    @Test
    void imageTagIsWhatOtherFilesSee() {
        String unit = KindFixtures.with("app.image", "[Image]\nImage=" + IMAGE + "\nImageTag=localhost/app\n")
                .and("v.volume", "[Volume]\nDriver=image\nImage=app.image\n").unit("v-volume.service");
        assertTrue(unit.contains("--opt image=localhost/app systemd-v\n"), unit);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                      | app.image:1:1: error: a .image file needs Image=; add Image=<image to pull>
            Image=                  | app.image:2:1: error: Image= is empty; add Image=<image to pull>
            Image=x\\nAllTags=maybe | app.image:3:9: error: 'AllTags' takes a boolean, not "maybe"; use true or false
            Image=x\\nTag=latest    | app.image:3:1: error: unknown key 'Tag' in [Image]; see berth-keys(5) or 'berth keys image' for the supported keys
            """)
    void errorsAreReportedWhereTheyAre(String lines, String expected) {
        KindFixtures.assertErrorsOfLines("app.image", "Image", lines, expected);
    }

    @Test
    void fileWithoutImageSection() {
        assertEquals(List.of("/etc/containers/systemd/app.image: error: a .image file needs a [Image] section;"
                + " add a [Image] section"), KindFixtures.with("app.image", "[Unit]\n").errors());
    }

    @Test
    void instanceSpecifierInATemplateIsWarnedAbout() {
        KindFixtures f = KindFixtures.with("pull@.image", "[Image]\nImage=registry.example.org/app/%i:latest\n");
        assertEquals(P + "registry.example.org/app/%i:latest", "ExecStart=" + f.line("ExecStart"));
        assertTrue(f.dryRun().startsWith("---pull@-image.service---\n"));
        assertEquals(List.of("/etc/containers/systemd/pull@.image:2:7: warning: %i in Image= expands to '-image',"
                + " because pull@.image becomes pull@-image.service (as in Quadlet 5.4.2); write the value for each"
                + " instance in its own .image file"), f.diagnostics());
    }
}
