package dev.berth.generator;

import static dev.berth.generator.KeyCases.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubeTranslatorTest extends KeyCaseTests {

    private static final String DIR = KindFixtures.DIR;
    private static final String PLAY = "ExecStart=/usr/bin/podman kube play --replace --service-container=true ";
    private static final String Y = DIR + "/app.yaml";

    static final KeyCases KEYS = KeyCases.of("Kube", "k.kube", "Yaml=app.yaml\n",
            row("ContainersConfModule", "ContainersConfModule=/etc/a.conf",
                    "ExecStart=/usr/bin/podman --module=/etc/a.conf kube play --replace --service-container=true " + Y),
            row("GlobalArgs", "GlobalArgs=--log-level=debug",
                    "ExecStopPost=/usr/bin/podman --log-level=debug kube down " + Y),
            row("ExitCodePropagation", "ExitCodePropagation=all", PLAY + "--service-exit-code-propagation=all " + Y),
            row("LogDriver", "LogDriver=journald", PLAY + "--log-driver journald " + Y),
            row("LogOpt", "LogOpt=tag=app path=/var/log/app\nLogDriver=k8s-file",
                    PLAY + "--log-driver k8s-file --log-opt tag=app --log-opt path=/var/log/app " + Y),
            row("UserNS", "UserNS=keep-id\nLogOpt=tag=a", PLAY + "--log-opt tag=a --userns keep-id " + Y),
            row("RemapUsers", "RemapUsers=auto", PLAY + "--userns auto " + Y),
            row("RemapUid", "RemapUsers=auto\nRemapUid=0:1000:1", PLAY + "--userns auto:uidmapping=0:1000:1 " + Y),
            row("RemapGid", "RemapUsers=keep-id\nRemapGid=1000", PLAY + "--userns keep-id:gid=1000 " + Y),
            row("RemapUidSize", "RemapUsers=auto\nRemapUidSize=2000", PLAY + "--userns auto:size=2000 " + Y),
            row("Network", "Network=host\nUserNS=auto", PLAY + "--userns auto --network host " + Y),
            row("AutoUpdate", "AutoUpdate=registry web/local\nNetwork=none", PLAY
                    + "--network none --annotation=io.containers.autoupdate=registry"
                    + " --annotation=io.containers.autoupdate/web=local " + Y),
            row("ConfigMap", "ConfigMap=cm.yaml /srv/cm.yaml\nAutoUpdate=local", PLAY
                    + "--annotation=io.containers.autoupdate=local --configmap " + DIR + "/cm.yaml --configmap /srv/cm.yaml "
                    + Y),
            row("PublishPort", "PublishPort=8080:80\nConfigMap=%h/cm.yaml", PLAY
                    + "--configmap %h/cm.yaml --publish 8080:80 " + Y),
            row("PodmanArgs", "PodmanArgs=--log-level=info\nPublishPort=80", PLAY + "--publish 80 --log-level=info " + Y),
            row("Yaml", "Yaml=\"../shared/db.yaml\"", PLAY + Y + " /etc/containers/shared/db.yaml"),
            row("Yaml", "Yaml=\nYaml=/srv/only.yaml", PLAY + "/srv/only.yaml"),
            row("KubeDownForce", "KubeDownForce=true", "ExecStopPost=/usr/bin/podman kube down --force " + Y),
            row("KubeDownForce", "KubeDownForce=false", "ExecStopPost=/usr/bin/podman kube down --force=false " + Y),
            row("SetWorkingDirectory", "SetWorkingDirectory=unit", "WorkingDirectory=" + DIR),
            row("ServiceName", "ServiceName=app", "---app.service---"));

    @Override
    KeyCases keyCases() {
        return KEYS;
    }

    @Test
    void realisticKube() {
        assertEquals("""
                ---guestbook.service---
                [Unit]
                Wants=network-online.target
                After=network-online.target
                Description=Guestbook
                SourcePath=/etc/containers/systemd/guestbook.kube
                RequiresMountsFor=%t/containers
                Requires=guestbook-network.service
                After=guestbook-network.service

                [X-Kube]
                Yaml=guestbook/app.yaml
                ConfigMap=guestbook/config.yaml
                Network=guestbook.network
                PublishPort=8080:80
                AutoUpdate=registry
                SetWorkingDirectory=yaml

                [Service]
                TimeoutStartSec=300
                KillMode=mixed
                Environment=PODMAN_SYSTEMD_UNIT=%n
                Type=notify
                NotifyAccess=all
                SyslogIdentifier=%N
                ExecStart=/usr/bin/podman kube play --replace --service-container=true --network systemd-guestbook --annotation=io.containers.autoupdate=registry --configmap /etc/containers/systemd/guestbook/config.yaml --publish 8080:80 /etc/containers/systemd/guestbook/app.yaml
                ExecStopPost=/usr/bin/podman kube down /etc/containers/systemd/guestbook/app.yaml
                WorkingDirectory=/etc/containers/systemd/guestbook

                [Install]
                WantedBy=default.target

                """, KindFixtures.with("guestbook.kube", """
                [Unit]
                Description=Guestbook

                [Kube]
                Yaml=guestbook/app.yaml
                ConfigMap=guestbook/config.yaml
                Network=guestbook.network
                PublishPort=8080:80
                AutoUpdate=registry
                SetWorkingDirectory=yaml

                [Service]
                TimeoutStartSec=300

                [Install]
                WantedBy=default.target
                """).and("guestbook.network", "[Network]\n").unit("guestbook.service")
                .transform(u -> "---guestbook.service---\n" + u + "\n"));
    }

    @Test
    void oneshotKubeKeepsItsType() {
        String unit = KindFixtures.with("k.kube", "[Kube]\nYaml=app.yaml\n[Service]\nType=oneshot\n").unit("k.service");
        assertTrue(unit.contains("[Service]\nType=oneshot\nKillMode=mixed\nEnvironment=PODMAN_SYSTEMD_UNIT=%n\n"
                + "SyslogIdentifier=%N\n" + PLAY), unit);
    }

    @Test
    void usersKillModeAndSyslogIdentifierStay() {
        String unit = KindFixtures.with("k.kube", "[Kube]\nYaml=app.yaml\n[Service]\nKillMode=control-group\n"
                + "SyslogIdentifier=app\nNotifyAccess=main\n").unit("k.service");
        assertTrue(unit.contains("[Service]\nKillMode=control-group\nSyslogIdentifier=app\nNotifyAccess=all\n"
                + "Environment=PODMAN_SYSTEMD_UNIT=%n\nType=notify\n" + PLAY), unit);
    }

    @Test
    void usersWorkingDirectoryWins() {
        String unit = KindFixtures.with("k.kube", "[Kube]\nYaml=sub/app.yaml\nSetWorkingDirectory=yaml\n"
                + "[Service]\nWorkingDirectory=/srv/k\n").unit("k.service");
        assertEquals(1, unit.lines().filter(l -> l.startsWith("WorkingDirectory=")).count(), unit);
        assertTrue(unit.contains("WorkingDirectory=/srv/k\n"), unit);
    }

    @Test
    void severalYamlFilesArePlayedAndTakenDownTogether() {
        KindFixtures f = KindFixtures.with("k.kube", "[Kube]\nYaml=db.yaml\nYaml=web.yaml\n");
        assertEquals(PLAY + DIR + "/db.yaml " + DIR + "/web.yaml", "ExecStart=" + f.line("ExecStart"));
        assertEquals("/usr/bin/podman kube down " + DIR + "/db.yaml " + DIR + "/web.yaml", f.line("ExecStopPost"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ConfigMap=cm.yaml                              | k.kube:1:1: error: a .kube file needs Yaml=, the Kubernetes YAML file to play; add Yaml=<path>, relative to this file's directory or absolute
            Yaml=\"\"                                      | k.kube:2:6: error: Yaml= names no file; write the path of the Kubernetes YAML file
            Yaml=a.yaml\\nYaml=b.yaml\\nSetWorkingDirectory=yaml | k.kube:4:21: error: SetWorkingDirectory=yaml needs exactly one Yaml=, but there are 2; use SetWorkingDirectory=unit, or set [Service] WorkingDirectory=
            Yaml=a.yaml\\nSetWorkingDirectory=file         | k.kube:3:21: error: SetWorkingDirectory=file is only for .build files; use SetWorkingDirectory=yaml (the YAML file's directory) or unit
            Yaml=a.yaml\\nSetWorkingDirectory=/srv         | k.kube:3:21: error: SetWorkingDirectory=/srv is not one of yaml or unit; use SetWorkingDirectory=yaml (the YAML file's directory) or unit (the unit file's)
            Yaml=a.yaml\\nRemapUsers=manual                | k.kube:3:1: error: RemapUsers=manual is not supported here; use auto or keep-id
            Yaml=a.yaml\\nNetwork=gone.network             | k.kube:3:9: error: Network= names gone.network, but there is no such Quadlet file; create gone.network in one of the Quadlet directories, or fix the name
            Yaml=a.yaml\\n[Service]\\nKillMode=process     | k.kube:4:1: error: KillMode=process does not work for a kube service; use KillMode=mixed (the default) or KillMode=control-group
            Yaml=a.yaml\\n[Service]\\nType=simple          | k.kube:4:1: error: Type=simple does not work for a kube service; remove Type= (the service is Type=notify), or use Type=oneshot for YAML that only creates resources
            Yaml=a.yaml\\nReplicas=2                       | k.kube:3:1: error: unknown key 'Replicas' in [Kube]; see berth-keys(5) or 'berth keys kube' for the supported keys
            """)
    void errorsAreReportedWhereTheyAre(String lines, String expected) {
        KindFixtures.assertErrorsOfLines("k.kube", "Kube", lines, expected);
    }

    @Test
    void fileWithoutKubeSection() {
        assertEquals(List.of("/etc/containers/systemd/k.kube: error: a .kube file needs a [Kube] section;"
                + " add a [Kube] section"), KindFixtures.with("k.kube", "[Service]\nType=oneshot\n").errors());
    }

    @Test
    void unreadableGlobalArgsAreReportedOnce() {
        assertEquals(1, KindFixtures.with("k.kube", "[Kube]\nYaml=a.yaml\nGlobalArgs=--root \\xZZ\n").errors().size());
    }
}
