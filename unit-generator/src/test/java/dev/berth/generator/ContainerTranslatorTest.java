package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys and steps that shape more of the unit than the middle of the run line. */
class ContainerTranslatorTest {

    private static final String RUN_PREFIX = "/usr/bin/podman run --name systemd-%N --cidfile=%t/%N.cid --replace --rm";

    @Test
    void modulesAndGlobalArgsStartEveryPodmanCommand() {
        QuadletFiles.Result r = QuadletFiles.container("""
                [Container]
                Image=localhost/img
                ContainersConfModule=/etc/m1.conf
                ContainersConfModule=/etc/m2.conf
                GlobalArgs=--log-level=debug --root "/var/lib/my root"
                ReloadSignal=SIGHUP
                """);
        // ReloadSignal= is a 5.5 key: a blank in a quoted word is written \x20 since 5.5.
        String base = "/usr/bin/podman --module=/etc/m1.conf --module=/etc/m2.conf --log-level=debug --root \"/var/lib/my\\x20root\"";
        assertEquals(base + " rm -v -f -i --cidfile=%t/%N.cid", r.value("Service", "ExecStop"));
        assertEquals("-" + base + " rm -v -f -i --cidfile=%t/%N.cid", r.value("Service", "ExecStopPost"));
        assertEquals(base + " kill --signal SIGHUP systemd-%N", r.value("Service", "ExecReload"));
        assertTrue(r.execStart().startsWith(base + " run --name systemd-%N "), r.execStart());
    }

    @Test
    void containerNameNamesTheContainer() {
        QuadletFiles.Result r = QuadletFiles.container("[Container]\nImage=localhost/img\nContainerName=\"web\"\n");
        assertTrue(r.execStart().startsWith("/usr/bin/podman run --name web --cidfile=%t/%N.cid"), r.execStart());
    }

    @Test
    void templatesAndInstancesNameTheContainerAfterPrefixAndInstance() {
        QuadletFiles files = QuadletFiles.of("web@.container", "[Container]\nImage=localhost/img\n")
                .with("web@blue.container", "[Container]\nImage=localhost/img\n");
        assertTrue(files.translate("web@.container").execStart().contains("--name systemd-%p_%i "));
        assertTrue(files.translate("web@blue.container").execStart().contains("--name systemd-%p_%i "));
    }

    @Test
    void rootfsReplacesTheImage() {
        QuadletFiles.Result r = QuadletFiles.container("[Container]\nRootfs=/srv/root:O\nExec=/bin/sh\n");
        assertEquals(RUN_PREFIX + " --cgroups=split --sdnotify=conmon -d --rootfs /srv/root:O /bin/sh", r.execStart());
    }

    @Test
    void imageNamingAnImageFileUsesItsImageAndService() {
        QuadletFiles.Result r = QuadletFiles.of("app.container", "[Container]\nImage=base.image\n")
                .with("base.image", "[Image]\nImage=registry.example/base:1\n")
                .translate("app.container");
        assertEquals(RUN_PREFIX + " --cgroups=split --sdnotify=conmon -d registry.example/base:1", r.execStart());
        assertTrue(r.text().contains("""
                SourcePath=/etc/containers/systemd/app.container
                Requires=base-image.service
                After=base-image.service
                RequiresMountsFor=%t/containers
                """), r.text());
    }

    @Test
    void imageNamingABuildFileUsesItsFirstTag() {
        QuadletFiles.Result r = QuadletFiles.of("app.container", "[Container]\nImage=app.build\n")
                .with("app.build", "[Build]\nImageTag=localhost/app:latest\nImageTag=localhost/app:1\n")
                .translate("app.container");
        assertTrue(r.execStart().endsWith(" -d localhost/app:latest"), r.execStart());
        assertEquals("app-build.service", r.value("Unit", "Requires"));
    }

    @Test
    void podJoinsThePodAndBindsToItsService() {
        QuadletFiles.Result r = QuadletFiles.of("web.container", "[Container]\nImage=localhost/img\nPod=app.pod\n")
                .with("app.pod", "[Pod]\n")
                .translate("web.container");
        assertEquals(RUN_PREFIX + " --cgroups=split --sdnotify=conmon -d --pod-id-file %t/app-pod.pod-id localhost/img",
                r.execStart());
        assertEquals("app-pod.service", r.value("Unit", "BindsTo"));
        assertEquals("app-pod.service", r.value("Unit", "After"));
    }

    @Test
    void startWithPodOnlyDecidesWhetherThePodStartsTheContainer() {
        QuadletFiles files = QuadletFiles.of("a.container", "[Container]\nImage=i\nPod=p.pod\nStartWithPod=false\n")
                .with("b.container", "[Container]\nImage=i\nPod=p.pod\n")
                .with("p.pod", "[Pod]\n");
        assertTrue(files.translate("a.container").execStart().contains("--pod-id-file %t/p-pod.pod-id"));
        assertEquals(List.of("b.service"), files.index().find("p.pod").orElseThrow().podMembers());
    }

    @Test
    void reloadCmdRunsInTheContainer() {
        QuadletFiles.Result r = QuadletFiles.container("""
                [Container]
                Image=localhost/img
                ContainerName=web
                ReloadCmd="/usr/bin/my tool" --reload 'a b'
                """);
        // ReloadCmd= is a 5.5 key, and since 5.5 a blank in a quoted word is written \x20.
        assertEquals("/usr/bin/podman exec web \"/usr/bin/my\\x20tool\" --reload \"a\\x20b\"", r.value("Service", "ExecReload"));
        String text = r.text();
        assertTrue(text.indexOf("ExecReload=") > text.indexOf("ExecStopPost=") && text.indexOf("ExecReload=") < text.indexOf("Delegate="),
                text);
    }

    @Test
    void serviceNameNamesTheUnitButNotTheContainer() {
        QuadletFiles files = QuadletFiles.of("web.container", "[Container]\nImage=localhost/img\nServiceName=frontend\n")
                .with("other.container", "[Container]\nImage=localhost/img\nNetwork=web.container\n");
        assertTrue(files.translate("web.container").execStart().contains("--name systemd-%N "));
        QuadletFiles.Result other = files.translate("other.container");
        assertEquals("frontend.service", other.value("Unit", "Requires"));
        assertTrue(other.execStart().contains("--network container:systemd-frontend "), other.execStart());
    }

    @Test
    void networkFilesBecomeTheirNetworksWithOptionsKept() {
        QuadletFiles.Result r = QuadletFiles.of("web.container", """
                [Container]
                Image=localhost/img
                Network=front.network:ip=10.0.0.5,mac=aa:bb:cc:dd:ee:ff
                Network=back.network
                """)
                .with("front.network", "[Network]\n")
                .with("back.network", "[Network]\nNetworkName=backend\n")
                .translate("web.container");
        assertTrue(r.execStart().contains(
                "--network systemd-front:ip=10.0.0.5,mac=aa:bb:cc:dd:ee:ff --network backend --sdnotify"), r.execStart());
        assertTrue(r.text().contains("""
                RequiresMountsFor=%t/containers
                Requires=front-network.service
                After=front-network.service
                Requires=back-network.service
                After=back-network.service
                """), r.text());
    }

    @Test
    void volumeSourcesAreResolved() {
        QuadletFiles.Result r = QuadletFiles.of("web.container", """
                [Container]
                Image=localhost/img
                Volume=./data:/data:Z
                Volume=../shared/x:/x
                Volume=%h/cache:/cache
                Volume=db.volume:/var/lib/db
                Volume=/srv/with space:/s
                """)
                .with("db.volume", "[Volume]\nVolumeName=dbdata\n")
                .translate("web.container");
        assertTrue(r.execStart().endsWith(" -v /etc/containers/systemd/data:/data:Z -v /etc/containers/shared/x:/x"
                + " -v %h/cache:/cache -v dbdata:/var/lib/db -v \"/srv/with space:/s\" localhost/img"), r.execStart());
        assertTrue(r.text().contains("""
                RequiresMountsFor=/etc/containers/systemd/data
                RequiresMountsFor=/etc/containers/shared/x
                Requires=db-volume.service
                After=db-volume.service
                RequiresMountsFor="/srv/with space"
                """), r.text());
    }

    @Test
    void mountSourcesAreResolvedAndRewrittenAsCsv() {
        QuadletFiles.Result r = QuadletFiles.of("web.container", """
                [Container]
                Image=localhost/img
                Mount=type=volume,source=db.volume,destination=/db
                Mount=type=image,src=tools.image,dst=/tools
                Mount=destination=/rel,type=bind,source=./rel
                Mount=type=volume,destination=/anon
                Mount="type=bind,src=/a,dst=/b,\\"bind-propagation=rshared\\""
                """)
                .with("db.volume", "[Volume]\n")
                .with("tools.image", "[Image]\nImage=registry.example/tools\n")
                .translate("web.container");
        assertTrue(r.execStart().contains(" --mount type=volume,source=systemd-db,destination=/db"
                + " --mount type=image,source=registry.example/tools,dst=/tools"
                + " --mount type=bind,destination=/rel,source=/etc/containers/systemd/rel"
                + " --mount type=volume,destination=/anon"
                + " --mount type=bind,source=/a,dst=/b,bind-propagation=rshared localhost/img"), r.execStart());
    }

    @Test
    void unitDependenciesOnQuadletFilesNameTheirServices() {
        QuadletFiles.Result r = QuadletFiles.of("web.container", """
                [Unit]
                Description=web
                After=db.container network.target
                Requires=db.container

                [Container]
                Image=localhost/img
                """)
                .with("db.container", "[Container]\nImage=localhost/db\nServiceName=database\n")
                .translate("web.container");
        assertTrue(r.text().contains("""
                [Unit]
                Wants=network-online.target
                After=network-online.target
                Description=web
                After=database.service network.target
                Requires=database.service
                SourcePath=/etc/containers/systemd/web.container
                """), r.text());
    }

    @Test
    void rootlessUnitsWaitForTheUserNetworkService() {
        QuadletFiles.Result r = QuadletFiles.of("a.container", "[Container]\nImage=i\n").rootless().translate("a.container");
        assertTrue(r.text().contains("""
                [Unit]
                Wants=podman-user-wait-network-online.service
                After=podman-user-wait-network-online.service
                """), r.text());
    }

    @Test
    void defaultDependenciesCanBeTurnedOff() {
        QuadletFiles.Result r = QuadletFiles.container("""
                [Container]
                Image=localhost/img

                [Quadlet]
                DefaultDependencies=false
                """);
        assertFalse(r.text().contains("network-online"), r.text());
        assertTrue(r.text().contains("[X-Quadlet]\nDefaultDependencies=false\n"), r.text());
    }

    @Test
    void podmanPathComesFromTheOptions() {
        QuadletFiles.Result r = QuadletFiles.of("a.container", "[Container]\nImage=i\n").podman("/opt/podman/bin/podman")
                .translate("a.container");
        assertTrue(r.execStart().startsWith("/opt/podman/bin/podman run "));
        assertEquals("-/opt/podman/bin/podman rm -v -f -i --cidfile=%t/%N.cid", r.value("Service", "ExecStopPost"));
    }

    @Test
    void addDeviceWithDashAddsOnlyExistingDevices() {
        QuadletFiles.Result r = QuadletFiles.of("a.container", "[Container]\nImage=i\nAddDevice=-/dev/dri:/dev/dri -/dev/gone\n")
                .existingPaths("/dev/dri")
                .translate("a.container");
        assertTrue(r.execStart().endsWith(" --device /dev/dri:/dev/dri i"), r.execStart());
    }

    @Test
    void userServiceSettingsAreKeptOrCompleted() {
        QuadletFiles.Result r = QuadletFiles.container("""
                [Container]
                Image=localhost/img
                Notify=true

                [Service]
                KillMode=control-group
                Type=oneshot
                SyslogIdentifier=web
                Restart=always
                """);
        // [Unit] did not exist, so it is created after the user's [Service], as Quadlet does.
        assertTrue(r.text().contains("""
                [Service]
                KillMode=control-group
                Type=oneshot
                SyslogIdentifier=web
                Restart=always
                Environment=PODMAN_SYSTEMD_UNIT=%n
                ExecStop=/usr/bin/podman rm -v -f -i --cidfile=%t/%N.cid
                ExecStopPost=-/usr/bin/podman rm -v -f -i --cidfile=%t/%N.cid
                Delegate=yes
                ExecStart=/usr/bin/podman run --name systemd-%N --cidfile=%t/%N.cid --replace --rm --cgroups=split localhost/img

                [Unit]
                """), r.text());
    }

    @Test
    void typeNotifyAndNotifyAccessAreSetInPlace() {
        QuadletFiles.Result r = QuadletFiles.container("""
                [Container]
                Image=localhost/img

                [Service]
                Type=notify
                NotifyAccess=main
                TimeoutStartSec=900
                """);
        assertTrue(r.text().contains("""
                [Service]
                Type=notify
                NotifyAccess=all
                TimeoutStartSec=900
                Environment=PODMAN_SYSTEMD_UNIT=%n
                KillMode=mixed
                """), r.text());
    }
}
