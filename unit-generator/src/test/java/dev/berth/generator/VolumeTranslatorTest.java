package dev.berth.generator;

import static dev.berth.generator.KeyCases.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolumeTranslatorTest extends KeyCaseTests {

    private static final String P = "ExecStart=/usr/bin/podman volume create --ignore ";

    static final KeyCases KEYS = KeyCases.of("Volume", "v.volume", "",
            row("ContainersConfModule", "ContainersConfModule=/etc/a.conf\nContainersConfModule=/etc/b.conf",
                    "ExecStart=/usr/bin/podman --module=/etc/a.conf --module=/etc/b.conf volume create --ignore systemd-v"),
            row("GlobalArgs", "GlobalArgs=--log-level=debug \"--root /x y\"",
                    "ExecStart=/usr/bin/podman --log-level=debug \"--root /x y\" volume create --ignore systemd-v"),
            row("UID", "UID=1000", P + "--uid 1000 systemd-v"),
            row("GID", "GID=100\nUID=7", P + "--uid 7 --gid 100 systemd-v"),
            row("Driver", "Driver=local", P + "--driver local systemd-v"),
            row("Copy", "Copy=true", P + "--opt copy systemd-v"),
            row("Copy", "Copy=no", P + "--opt nocopy systemd-v"),
            row("Device", "Device=/dev/sdb1", P + "--opt device=/dev/sdb1 systemd-v"),
            row("Type", "Type=ext4\nDevice=/dev/sdb1", P + "--opt device=/dev/sdb1 --opt type=ext4 systemd-v"),
            row("User", "User=1000", P + "--opt o=uid=1000 systemd-v"),
            row("User", "User=0x3e8", P + "--opt o=uid=1000 systemd-v"),
            row("User", "User=root", P + "--opt o=uid=0 systemd-v"),
            row("Group", "Group=0750", P + "--opt o=gid=488 systemd-v"),
            row("Group", "Group=10\nUser=20", P + "--opt o=uid=20,gid=10 systemd-v"),
            row("Options", "Options=size=64m,mode=0700\nDevice=tmpfs\nUser=+5",
                    P + "--opt device=tmpfs --opt o=uid=5,size=64m,mode=0700 systemd-v"),
            row("Image", "Driver=image\nImage=localhost/tools:1",
                    P + "--driver image --opt image=localhost/tools:1 systemd-v"),
            row("Label", "Label=tier=db \"app=pg sql\"\nLabel=tier=cache", P + "--label \"app=pg sql\" --label tier=cache systemd-v"),
            row("PodmanArgs", "PodmanArgs=--opt \"o=a b\"\nPodmanArgs=--ignore", P + "--opt \"o=a b\" --ignore systemd-v"),
            row("VolumeName", "VolumeName=pgdata", P + "pgdata"),
            row("VolumeName", "VolumeName=", P + "systemd-v"),
            row("ServiceName", "ServiceName=storage", "---storage.service---"));

    @Override
    KeyCases keyCases() {
        return KEYS;
    }

    @Test
    void realisticVolume() {
        String out = KindFixtures.with("pgdata.volume", """
                [Unit]
                Description=Database storage
                After=local-fs.target

                [Volume]
                VolumeName=pgdata
                Device=/srv/pg
                Type=none
                Options=bind
                User=999
                Group=999
                Copy=false
                Label=app=postgres tier=db

                [Install]
                WantedBy=multi-user.target
                """).dryRun();
        assertEquals("""
                ---pgdata-volume.service---
                [Unit]
                Wants=network-online.target
                After=network-online.target
                Description=Database storage
                After=local-fs.target
                SourcePath=/etc/containers/systemd/pgdata.volume
                RequiresMountsFor=%t/containers

                [X-Volume]
                VolumeName=pgdata
                Device=/srv/pg
                Type=none
                Options=bind
                User=999
                Group=999
                Copy=false
                Label=app=postgres tier=db

                [Install]
                WantedBy=multi-user.target

                [Service]
                ExecStart=/usr/bin/podman volume create --ignore --opt nocopy --opt device=/srv/pg --opt type=none --opt o=uid=999,gid=999,bind --label app=postgres --label tier=db pgdata
                SyslogIdentifier=%N
                Type=oneshot
                RemainAfterExit=yes

                """, out);
    }

    @Test
    void imageDriverWithQuadletImageRequiresItsService() {
        String out = KindFixtures.with("tools.volume", "[Volume]\nDriver=image\nImage=tools.image\n")
                .and("tools.image", "[Image]\nImage=registry.example.org/tools:2\nImageTag=localhost/tools:2\n")
                .unit("tools-volume.service");
        assertEquals("""
                [X-Volume]
                Driver=image
                Image=tools.image

                [Unit]
                Wants=network-online.target
                After=network-online.target
                SourcePath=/etc/containers/systemd/tools.volume
                RequiresMountsFor=%t/containers
                Requires=tools-image.service
                After=tools-image.service

                [Service]
                ExecStart=/usr/bin/podman volume create --ignore --driver image --opt image=localhost/tools:2 systemd-tools
                SyslogIdentifier=%N
                Type=oneshot
                RemainAfterExit=yes
                """, out);
    }

    @Test
    void imageDriverWithBuild() {
        String exec = KindFixtures.with("b.volume", "[Volume]\nDriver=image\nImage=app.build\n")
                .and("app.build", "[Build]\nImageTag=localhost/app\nSetWorkingDirectory=unit\n")
                .unit("b-volume.service");
        assertTrue(exec.contains("--driver image --opt image=localhost/app systemd-b\n"), exec);
        assertTrue(exec.contains("Requires=app-build.service\nAfter=app-build.service\n"), exec);
    }

    @Test
    void emptyFileIsAVolumeAndStartsWithABlankLine() {
        assertEquals("""
                ---blank-volume.service---

                [Unit]
                Wants=network-online.target
                After=network-online.target
                SourcePath=/etc/containers/systemd/blank.volume
                RequiresMountsFor=%t/containers

                [Service]
                ExecStart=/usr/bin/podman volume create --ignore systemd-blank
                SyslogIdentifier=%N
                Type=oneshot
                RemainAfterExit=yes

                """, KindFixtures.with("blank.volume", "").dryRun());
    }

    @Test
    void userServiceSettingsWinOverOneshotDefaults() {
        String out = KindFixtures.with("keep.volume", """
                [Volume]
                [Service]
                RemainAfterExit=no
                SyslogIdentifier=keep
                Type=simple
                """).unit("keep-volume.service");
        assertTrue(out.endsWith("""
                [Service]
                RemainAfterExit=no
                SyslogIdentifier=keep
                Type=simple
                ExecStart=/usr/bin/podman volume create --ignore systemd-keep

                [Unit]
                Wants=network-online.target
                After=network-online.target
                SourcePath=/etc/containers/systemd/keep.volume
                RequiresMountsFor=%t/containers
                """), out);
    }

    @Test
    void rootlessWaitsForTheUserNetworkService() {
        String out = KindFixtures.with("r.volume", "[Volume]\n").rootless().unit("r-volume.service");
        assertTrue(out.contains("Wants=podman-user-wait-network-online.service\n"
                + "After=podman-user-wait-network-online.service\n"), out);
    }

    @Test
    void defaultDependenciesCanBeTurnedOff() {
        String out = KindFixtures.with("d.volume", "[Volume]\n[Quadlet]\nDefaultDependencies=false\n")
                .unit("d-volume.service");
        assertEquals("""
                [X-Volume]

                [X-Quadlet]
                DefaultDependencies=false

                [Unit]
                SourcePath=/etc/containers/systemd/d.volume
                RequiresMountsFor=%t/containers

                [Service]
                ExecStart=/usr/bin/podman volume create --ignore systemd-d
                SyslogIdentifier=%N
                Type=oneshot
                RemainAfterExit=yes
                """, out);
    }

    @Test
    void unitDependenciesOnQuadletFilesAreTranslated() {
        String out = KindFixtures.with("a.volume", "[Unit]\nAfter=b.volume local-fs.target\n[Volume]\n")
                .and("b.volume", "[Volume]\n").unit("a-volume.service");
        assertTrue(out.startsWith("""
                [Unit]
                Wants=network-online.target
                After=network-online.target
                After=b-volume.service local-fs.target
                """), out);
    }

    @Test
    void templateKeepsQuadlet542NamesAndWarns() {
        KindFixtures f = KindFixtures.with("data@.volume", "[Volume]\n");
        assertTrue(f.dryRun().contains("---data@-volume.service---"));
        assertTrue(f.dryRun().contains(P + "systemd-data@\n"));
        assertEquals(List.of("/etc/containers/systemd/data@.volume:1:1: warning: data@.volume becomes"
                        + " data@-volume.service and one volume named systemd-data@ that all instances share (as in"
                        + " Quadlet 5.4.2; Podman 5.7 and later create one volume per instance); to get one volume per"
                        + " instance, name it in the template container instead, for example Volume=data-%i:/data"
                        + " (podman creates a named volume when it is first used)"),
                f.diagnostics());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            User=nobody         | v.volume:2:6: error: User=nobody is not a number, but it must be a numeric UID (Quadlet would silently use uid=0, that is root); write the numeric UID (for a name, see 'getent passwd nobody')
            Group=wheel         | v.volume:2:7: error: Group=wheel is not a number, but it must be a numeric GID (Quadlet would silently use gid=0, that is root); write the numeric GID (for a name, see 'getent group wheel')
            User=               | v.volume:2:1: error: User= is empty, but it must be a numeric UID (Quadlet would silently use uid=0, that is root); remove the line, or give a numeric UID
            User=-5             | v.volume:2:6: error: User=-5 is negative, but it must be a numeric UID (Quadlet would silently use uid=0, that is root); write the numeric UID (for a name, see 'getent passwd -5')
            Group=099           | v.volume:2:7: error: Group=099 is not a number, but it must be a numeric GID (Quadlet would silently use gid=0, that is root); write the numeric GID (for a name, see 'getent group 099')
            User=4294967296     | v.volume:2:6: error: User=4294967296 is larger than 4294967295, but it must be a numeric UID (Quadlet would silently use uid=0, that is root); write the numeric UID (for a name, see 'getent passwd 4294967296')
            Type=ext4           | v.volume:2:1: error: Type= needs Device=, the device or path of that type to mount; add Device=<device or path>, or remove Type=
            Options=size=1m     | v.volume:2:1: error: Options= needs Device=, the device or path to mount with them; add Device=<device or path>, or remove Options=
            Driver=image        | v.volume:2:1: error: Driver=image needs Image=, the image to mount; add Image=<image>, or Image=<name>.image to use a .image file
            UID=                | v.volume:2:1: error: UID= is empty; remove the line, or give a numeric id
            Devise=/dev/sdb     | v.volume:2:1: error: unknown key 'Devise' in [Volume]; did you mean 'Device'?
            ServiceName=        | v.volume:2:1: error: ServiceName= is empty, which would name the service '.service'; remove the line to get the default name 'v-volume', or give a name
            """)
    void errorsAreReportedWhereTheyAre(String line, String expected) {
        KindFixtures.assertErrorsOfLines("v.volume", "Volume", line, expected);
    }

    @Test
    void emptyImageWithImageDriverIsAnError() {
        assertEquals(List.of("/etc/containers/systemd/v.volume:3:1: error: Image= is empty, but Driver=image needs an"
                        + " image to mount; name the image, or a .image or .build file"),
                KindFixtures.with("v.volume", "[Volume]\nDriver=image\nImage=\n").errors());
    }

    @Test
    void missingQuadletImageIsAnError() {
        assertEquals(List.of("/etc/containers/systemd/v.volume:3:7: error: Image= names gone.image, but there is no"
                        + " such Quadlet file; create gone.image in one of the Quadlet directories, or fix the name"),
                KindFixtures.with("v.volume", "[Volume]\nDriver=image\nImage=gone.image\n").errors());
    }

    @Test
    void keysIgnoredByTheImageDriverAreWarnedAbout() {
        KindFixtures f = KindFixtures.with("v.volume", "[Volume]\nDriver=image\nImage=localhost/x\nDevice=/dev/sdb\nUser=5\n");
        assertEquals(P + "--driver image --opt image=localhost/x systemd-v", "ExecStart=" + f.line("ExecStart"));
        assertEquals(List.of(
                "/etc/containers/systemd/v.volume:4:1: warning: Device= is ignored with Driver=image; remove Device=, or use another driver",
                "/etc/containers/systemd/v.volume:5:1: warning: User= is ignored with Driver=image; remove User=, or use another driver"),
                f.diagnostics());
    }

    @Test
    void imageWithoutImageDriverIsWarnedAbout() {
        KindFixtures f = KindFixtures.with("v.volume", "[Volume]\nImage=localhost/x\n");
        assertEquals(P + "systemd-v", "ExecStart=" + f.line("ExecStart"));
        assertEquals(List.of("/etc/containers/systemd/v.volume:2:1: warning: Image= is ignored unless Driver=image;"
                + " add Driver=image to mount the image, or remove Image="), f.diagnostics());
    }
}
