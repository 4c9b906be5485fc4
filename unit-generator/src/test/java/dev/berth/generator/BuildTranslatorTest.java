package dev.berth.generator;

import static dev.berth.generator.KeyCases.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildTranslatorTest extends KeyCaseTests {

    private static final String DIR = KindFixtures.DIR;
    private static final String P = "ExecStart=/usr/bin/podman build ";
    private static final String TAG = "--tag localhost/app ";

    static final KeyCases KEYS = KeyCases.of("Build", "app.build", "ImageTag=localhost/app\nSetWorkingDirectory=unit\n",
            row("ContainersConfModule", "ContainersConfModule=/etc/a.conf",
                    "ExecStart=/usr/bin/podman --module=/etc/a.conf build " + TAG + DIR),
            row("GlobalArgs", "GlobalArgs=--log-level=debug",
                    "ExecStart=/usr/bin/podman --log-level=debug build " + TAG + DIR),
            row("Pull", "Pull=newer\nArch=arm64", P + "--pull=newer --arch arm64 " + TAG + DIR),
            row("Arch", "Arch=arm64", P + "--arch arm64 " + TAG + DIR),
            row("AuthFile", "AuthFile=/etc/auth.json", P + "--authfile /etc/auth.json " + TAG + DIR),
            row("IgnoreFile", "IgnoreFile=/src/.ignore", P + "--ignorefile /src/.ignore " + TAG + DIR),
            row("Target", "Target=runtime", P + "--target runtime " + TAG + DIR),
            row("Variant", "Variant=v8", P + "--variant v8 " + TAG + DIR),
            row("Retry", "Retry=4", P + "--retry 4 " + TAG + DIR),
            row("RetryDelay", "RetryDelay=3s", P + "--retry-delay 3s " + TAG + DIR),
            row("TLSVerify", "TLSVerify=false", P + "--tls-verify=false " + TAG + DIR),
            row("ForceRM", "ForceRM=true\nTLSVerify=true", P + "--tls-verify --force-rm " + TAG + DIR),
            row("DNS", "DNS=1.1.1.1", P + "--dns 1.1.1.1 " + TAG + DIR),
            row("DNSOption", "DNSOption=ndots:2", P + "--dns-option ndots:2 " + TAG + DIR),
            row("DNSSearch", "DNSSearch=example.org", P + "--dns-search example.org " + TAG + DIR),
            row("GroupAdd", "GroupAdd=keep-groups\nDNS=9.9.9.9", P + "--dns 9.9.9.9 --group-add keep-groups " + TAG + DIR),
            row("ImageTag", "ImageTag=localhost/app:2", P + TAG + "--tag localhost/app:2 " + DIR),
            row("Annotation", "Annotation=org.opencontainers.image.source=git", P + TAG
                    + "--annotation org.opencontainers.image.source=git " + DIR),
            row("Environment", "Environment=B=2 A=1\nAnnotation=a=b", P + TAG + "--annotation a=b --env A=1 --env B=2 " + DIR),
            row("Label", "Label=v=1\nEnvironment=E=e", P + TAG + "--env E=e --label v=1 " + DIR),
            row("BuildArg", "BuildArg=VERSION=1.2\nLabel=v=1", P + TAG + "--label v=1 --build-arg VERSION=1.2 " + DIR),
            row("Network", "Network=host\nBuildArg=X=y", P + TAG + "--build-arg X=y --network host " + DIR),
            row("Secret", "Secret=id=npm,src=/run/npmrc\nNetwork=none", P + TAG
                    + "--network none --secret id=npm,src=/run/npmrc " + DIR),
            row("Volume", "Volume=/srv/cache:/cache:z\nSecret=id=a", P + TAG + "--secret id=a -v /srv/cache:/cache:z " + DIR),
            row("File", "File=Containerfile.prod\nVolume=c:/c", P + TAG + "-v c:/c --file Containerfile.prod " + DIR),
            // An absolute File= needs no context argument, even when SetWorkingDirectory= sets the directory.
            row("PodmanArgs", "PodmanArgs=--layers=false\nFile=/src/Containerfile", P + TAG
                    + "--file /src/Containerfile --layers=false"),
            row("SetWorkingDirectory", "SetWorkingDirectory=https://git.example.org/app.git",
                    P + TAG + "https://git.example.org/app.git"),
            row("ServiceName", "ServiceName=make-app", "---make-app.service---"));

    @Override
    KeyCases keyCases() {
        return KEYS;
    }

    @Test
    void realisticBuild() {
        assertEquals("""
                ---web-build.service---
                [Unit]
                Wants=network-online.target
                After=network-online.target
                Description=Build the web image
                RequiresMountsFor=%t/containers
                SourcePath=/etc/containers/systemd/web.build
                Requires=buildnet-network.service
                After=buildnet-network.service
                RequiresMountsFor=/var/cache/web
                Requires=deps-volume.service
                After=deps-volume.service

                [X-Build]
                ImageTag=localhost/web:latest
                ImageTag=localhost/web:1.4
                File=images/Containerfile
                SetWorkingDirectory=unit
                Pull=newer
                Label=org.opencontainers.image.title=web
                Environment=NODE_ENV=production
                Network=buildnet.network
                Volume=/var/cache/web:/cache:z
                Volume=deps.volume:/deps
                Secret=id=npmrc,src=/etc/web/npmrc

                [Service]
                TimeoutStartSec=900
                WorkingDirectory=/etc/containers/systemd
                ExecStart=/usr/bin/podman build --pull=newer --tag localhost/web:latest --tag localhost/web:1.4 --env NODE_ENV=production --label org.opencontainers.image.title=web --network systemd-buildnet --secret id=npmrc,src=/etc/web/npmrc -v /var/cache/web:/cache:z -v systemd-deps:/deps --file images/Containerfile /etc/containers/systemd
                SyslogIdentifier=%N
                Type=oneshot

                """, KindFixtures.with("web.build", """
                [Unit]
                Description=Build the web image

                [Build]
                ImageTag=localhost/web:latest
                ImageTag=localhost/web:1.4
                File=images/Containerfile
                SetWorkingDirectory=unit
                Pull=newer
                Label=org.opencontainers.image.title=web
                Environment=NODE_ENV=production
                Network=buildnet.network
                Volume=/var/cache/web:/cache:z
                Volume=deps.volume:/deps
                Secret=id=npmrc,src=/etc/web/npmrc

                [Service]
                TimeoutStartSec=900
                """).and("buildnet.network", "[Network]\n").and("deps.volume", "[Volume]\n")
                .unit("web-build.service").transform(u -> "---web-build.service---\n" + u + "\n"));
    }

    @Test
    void setWorkingDirectoryFileUsesTheContainerfilesDirectory() {
        String unit = KindFixtures.with("a.build",
                "[Build]\nImageTag=localhost/a\nFile=ctx/Containerfile\nSetWorkingDirectory=file\n").unit("a-build.service");
        assertTrue(unit.contains("WorkingDirectory=" + DIR + "/ctx\n" + P + TAG.replace("app", "a")
                + "--file ctx/Containerfile " + DIR + "/ctx\n"), unit);
    }

    @Test
    void relativeContextIsRelativeToTheUnitsDirectory() {
        String unit = KindFixtures.with("a.build", "[Build]\nImageTag=localhost/a\nSetWorkingDirectory=src/app\n")
                .unit("a-build.service");
        assertTrue(unit.contains("WorkingDirectory=" + DIR + "\n" + P + "--tag localhost/a src/app\n"), unit);
    }

    @Test
    void absoluteContextSetsNoWorkingDirectory() {
        String unit = KindFixtures.with("a.build", "[Build]\nImageTag=localhost/a\nSetWorkingDirectory=/srv/a\n")
                .unit("a-build.service");
        assertTrue(unit.contains("[Service]\n" + P + "--tag localhost/a /srv/a\n"), unit);
    }

    @Test
    void absoluteFileNeedsNoContext() {
        assertEquals(P + "--tag localhost/a --file /srv/a/Containerfile",
                "ExecStart=" + KindFixtures.with("a.build", "[Build]\nImageTag=localhost/a\nFile=/srv/a/Containerfile\n")
                        .line("ExecStart"));
    }

    @Test
    void usersWorkingDirectoryIsTheContext() {
        KindFixtures f = KindFixtures.with("a.build",
                "[Build]\nImageTag=localhost/a\nFile=Containerfile\nSetWorkingDirectory=unit\n[Service]\nWorkingDirectory=/srv/a\n");
        assertEquals(P + "--tag localhost/a --file Containerfile /srv/a", "ExecStart=" + f.line("ExecStart"));
        assertEquals("/srv/a", f.line("WorkingDirectory"));
    }

    @Test
    void usersWorkingDirectoryReplacingARelativeContextIsWarnedAbout() {
        KindFixtures f = KindFixtures.with("a.build",
                "[Build]\nImageTag=localhost/a\nSetWorkingDirectory=ctx\n[Service]\nWorkingDirectory=/srv/a\n");
        assertEquals(P + "--tag localhost/a /srv/a", "ExecStart=" + f.line("ExecStart"));
        assertEquals(List.of("/etc/containers/systemd/a.build:3:21: warning: SetWorkingDirectory=ctx is ignored because"
                + " [Service] WorkingDirectory=/srv/a is set, which becomes the build context; remove one of them"),
                f.diagnostics());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            SetWorkingDirectory=unit                         | a.build:1:1: error: a .build file needs ImageTag=, the name of the image it builds; add ImageTag=<name>, for example ImageTag=localhost/a:latest
            ImageTag=localhost/a                             | a.build:1:1: error: a .build file needs File= or SetWorkingDirectory=, to know what to build; add SetWorkingDirectory=unit to build the directory of this file, or File=<Containerfile>
            ImageTag=localhost/a\\nFile=Containerfile        | a.build:3:6: error: File=Containerfile is a relative path, but nothing says what it is relative to; add SetWorkingDirectory=unit (relative to this file's directory) or =file, or make File= an absolute path
            ImageTag=localhost/a\\nSetWorkingDirectory=yaml  | a.build:3:21: error: SetWorkingDirectory=yaml is only for .kube files; use SetWorkingDirectory=file (the Containerfile's directory), unit, or a path or URL
            ImageTag=localhost/a\\nSetWorkingDirectory=file  | a.build:3:21: error: SetWorkingDirectory=file needs File=, the Containerfile whose directory to use; add File=<path of the Containerfile>, or use SetWorkingDirectory=unit
            ImageTag=localhost/a\\nSetWorkingDirectory=File\\nFile=https://example.org/Containerfile | a.build:3:21: error: SetWorkingDirectory=File needs a local File=, but File= is the URL https://example.org/Containerfile; use SetWorkingDirectory=unit, or a path or URL as the build context
            ImageTag=localhost/a\\nSetWorkingDirectory=unit\\nNetwork=gone.network | a.build:4:9: error: Network= names gone.network, but there is no such Quadlet file; create gone.network in one of the Quadlet directories, or fix the name
            ImageTag=localhost/a\\nSetWorkingDirectory=unit\\nVolume=gone.volume:/x | a.build:4:8: error: Volume= names gone.volume, but there is no such Quadlet file; create gone.volume in one of the Quadlet directories, or fix the name
            ImageTag=localhost/a\\nSetWorkingDirectory=unit\\nContext=. | a.build:4:1: error: unknown key 'Context' in [Build]; see berth-keys(5) or 'berth keys build' for the supported keys
            """)
    void errorsAreReportedWhereTheyAre(String lines, String expected) {
        KindFixtures.assertErrorsOfLines("a.build", "Build", lines, expected);
    }

    @Test
    void buildIsNotRemainAfterExit() {
        String unit = KindFixtures.with("a.build", "[Build]\nImageTag=localhost/a\nSetWorkingDirectory=unit\n")
                .unit("a-build.service");
        assertTrue(unit.endsWith("SyslogIdentifier=%N\nType=oneshot\n"), unit);
    }

    @Test
    void isUrlFollowsQuadlet() {
        assertTrue(WorkingDirectories.isUrl("https://example.org/x.git"));
        assertTrue(WorkingDirectories.isUrl("http-is-enough"));
        assertTrue(WorkingDirectories.isUrl("git://example.org/x.git"));
        assertTrue(WorkingDirectories.isUrl("mirror/github.com/x"));
        assertEquals(false, WorkingDirectories.isUrl("git@example.org:x.git"));
        assertEquals(false, WorkingDirectories.isUrl("./src"));
    }
}
