package dev.berth.generator;

import static dev.berth.generator.KeyCases.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodTranslatorTest extends KeyCaseTests {

    private static final String PRE = "ExecStartPre=/usr/bin/podman pod create --infra-conmon-pidfile=%t/%N.pid"
            + " --pod-id-file=%t/%N.pod-id --exit-policy=stop --replace ";
    /** From 5.6, the first version of ExitPolicy= and Label=, the pod is named instead of found by its ID file. */
    private static final String PRE_BY_NAME = "ExecStartPre=/usr/bin/podman pod create --infra-conmon-pidfile=%t/%N.pid"
            + " --replace --exit-policy stop ";
    private static final String END = "--infra-name systemd-p-infra --name systemd-p";

    static final KeyCases KEYS = KeyCases.of("Pod", "p.pod", "",
            row("ContainersConfModule", "ContainersConfModule=/etc/a.conf",
                    "ExecStart=/usr/bin/podman --module=/etc/a.conf pod start --pod-id-file=%t/%N.pod-id"),
            row("GlobalArgs", "GlobalArgs=--log-level=debug",
                    "ExecStop=/usr/bin/podman --log-level=debug pod stop --pod-id-file=%t/%N.pod-id --ignore --time=10"),
            row("StopTimeout", "StopTimeout=30",
                    "ExecStop=/usr/bin/podman pod stop --ignore --time=30 systemd-p"),
            row("ExitPolicy", "ExitPolicy=continue", PRE_BY_NAME.replace(" stop ", " continue ") + END),
            row("UserNS", "UserNS=auto", PRE + "--userns auto " + END),
            row("UIDMap", "UIDMap=0:1000:1 1:100000:65536", PRE + "--uidmap 0:1000:1 --uidmap 1:100000:65536 " + END),
            row("GIDMap", "GIDMap=0:1000:1\nUIDMap=0:1000:1", PRE + "--uidmap 0:1000:1 --gidmap 0:1000:1 " + END),
            row("SubUIDMap", "SubUIDMap=shop", PRE + "--subuidname shop " + END),
            row("SubGIDMap", "SubGIDMap=shop\nSubUIDMap=shop", PRE + "--subuidname shop --subgidname shop " + END),
            row("RemapUsers", "RemapUsers=keep-id", PRE + "--userns keep-id " + END),
            row("RemapUid", "RemapUsers=keep-id\nRemapUid=1000", PRE + "--userns keep-id:uid=1000 " + END),
            row("RemapGid", "RemapUsers=manual\nRemapGid=0:1000:1", PRE + "--gidmap 0:1000:1 " + END),
            row("RemapUidSize", "RemapUsers=auto\nRemapUidSize=500", PRE + "--userns auto:size=500 " + END),
            row("PublishPort", "PublishPort=8080:80\nPublishPort=[::1]:53:53/udp",
                    PRE + "--publish 8080:80 --publish [::1]:53:53/udp " + END),
            row("Label", "Label=app=shop\nPublishPort=80", PRE_BY_NAME + "--publish 80 --label app=shop " + END),
            row("Network", "Network=host\nLabel=a=b", PRE_BY_NAME + "--label a=b --network host " + END),
            row("IP", "IP=10.88.0.5\nNetwork=bridge", PRE + "--network bridge --ip 10.88.0.5 " + END),
            row("IP6", "IP6=fd00::5", PRE + "--ip6 fd00::5 " + END),
            row("ShmSize", "ShmSize=64m\nIP=10.88.0.5", PRE + "--ip 10.88.0.5 --shm-size 64m " + END),
            row("NetworkAlias", "NetworkAlias=shop\nShmSize=1g", PRE + "--shm-size 1g --network-alias shop " + END),
            row("DNS", "DNS=10.0.0.2", PRE + "--dns 10.0.0.2 " + END),
            row("DNSOption", "DNSOption=ndots:1", PRE + "--dns-option ndots:1 " + END),
            row("DNSSearch", "DNSSearch=shop.internal", PRE + "--dns-search shop.internal " + END),
            row("AddHost", "AddHost=db:10.0.0.7\nDNS=1.1.1.1", PRE + "--dns 1.1.1.1 --add-host db:10.0.0.7 " + END),
            row("HostName", "HostName=shop\nAddHost=a:1.2.3.4", PRE + "--add-host a:1.2.3.4 --hostname shop " + END),
            row("Volume", "Volume=/srv/shop:/data:Z\nHostName=h", PRE + "--hostname h -v /srv/shop:/data:Z " + END),
            row("PodName", "PodName=shop", PRE + "--infra-name shop-infra --name shop"),
            row("PodmanArgs", "PodmanArgs=--cpus=2", PRE + END + " --cpus=2"),
            row("ServiceName", "ServiceName=shop", "---shop.service---"));

    @Override
    KeyCases keyCases() {
        return KEYS;
    }

    @Test
    void realisticPodWithMembers() {
        String unit = KindFixtures.with("shop.pod", """
                [Unit]
                Description=Shop pod

                [Pod]
                PodName=shop
                Network=shop.network
                PublishPort=8080:80
                Volume=shop-data.volume:/data
                UserNS=keep-id

                [Install]
                WantedBy=multi-user.target
                """).and("shop.network", "[Network]\n").and("shop-data.volume", "[Volume]\n")
                .and("web.container", "[Container]\nImage=registry.example.org/shop/web:1\nPod=shop.pod\n")
                .and("worker.container", "[Container]\nImage=registry.example.org/shop/worker:1\nPod=shop.pod\n"
                        + "StartWithPod=false\n")
                .unitAllowingOtherErrors("shop-pod.service", "shop.pod");
        assertEquals("""
                [Unit]
                Wants=network-online.target
                After=network-online.target
                Description=Shop pod
                SourcePath=/etc/containers/systemd/shop.pod
                RequiresMountsFor=%t/containers
                Wants=web.service
                Before=web.service
                Requires=shop-network.service
                After=shop-network.service
                Requires=shop-data-volume.service
                After=shop-data-volume.service

                [X-Pod]
                PodName=shop
                Network=shop.network
                PublishPort=8080:80
                Volume=shop-data.volume:/data
                UserNS=keep-id

                [Install]
                WantedBy=multi-user.target

                [Service]
                SyslogIdentifier=%N
                ExecStart=/usr/bin/podman pod start --pod-id-file=%t/%N.pod-id
                ExecStop=/usr/bin/podman pod stop --pod-id-file=%t/%N.pod-id --ignore --time=10
                ExecStopPost=/usr/bin/podman pod rm --pod-id-file=%t/%N.pod-id --ignore --force
                ExecStartPre=/usr/bin/podman pod create --infra-conmon-pidfile=%t/%N.pid --pod-id-file=%t/%N.pod-id --exit-policy=stop --replace --userns keep-id --publish 8080:80 --network systemd-shop -v systemd-shop-data:/data --infra-name shop-infra --name shop
                Environment=PODMAN_SYSTEMD_UNIT=%n
                Type=forking
                Restart=on-failure
                PIDFile=%t/%N.pid
                """, unit);
    }

    @Test
    void emptyFileIsAPod() {
        assertTrue(KindFixtures.with("p.pod", "").dryRun().startsWith("---p-pod.service---\n\n[Unit]\n"));
    }

    @Test
    void usersEnvironmentAndRestartAreKeptTypeAndPidFileReplaced() {
        KindFixtures f = KindFixtures.with("p.pod", """
                [Pod]
                [Service]
                Restart=always
                Type=simple
                PIDFile=/run/p.pid
                Environment=FOO=bar
                SyslogIdentifier=shop
                """).target(dev.berth.spec.quadlet.QuadletVersion.NEWEST); // Restart= is kept since 6.0
        assertTrue(f.unit("p-pod.service").endsWith("""
                [Service]
                Restart=always
                Type=forking
                PIDFile=%t/%N.pid
                Environment=FOO=bar
                SyslogIdentifier=shop
                ExecStart=/usr/bin/podman pod start systemd-p
                ExecStop=/usr/bin/podman pod stop --ignore --time=10 systemd-p
                ExecStopPost=/usr/bin/podman pod rm --ignore --force systemd-p
                ExecStartPre=/usr/bin/podman pod create --infra-conmon-pidfile=%t/%N.pid --replace --exit-policy stop --infra-name systemd-p-infra --name systemd-p
                Environment=PODMAN_SYSTEMD_UNIT=%n

                [Unit]
                Wants=network-online.target
                After=network-online.target
                SourcePath=/etc/containers/systemd/p.pod
                RequiresMountsFor=%t/containers
                """), f.unit("p-pod.service"));
        assertEquals(List.of(
                "/etc/containers/systemd/p.pod:4:1: warning: [Service] Type=simple is replaced by Type=forking, which a"
                        + " pod service needs; remove Type= from [Service]",
                "/etc/containers/systemd/p.pod:5:1: warning: [Service] PIDFile=/run/p.pid is replaced by"
                        + " PIDFile=%t/%N.pid, which a pod service needs; remove PIDFile= from [Service]"),
                f.diagnostics());
    }

    @Test
    void networkOfAContainer() {
        String unit = KindFixtures.with("p.pod", "[Pod]\nNetwork=vpn.container\n")
                .and("vpn.container", "[Container]\nImage=registry.example.org/vpn:1\nContainerName=vpn\n")
                .unitAllowingOtherErrors("p-pod.service", "p.pod");
        assertTrue(unit.contains("Requires=vpn.service\nAfter=vpn.service\n"), unit);
        assertTrue(unit.contains(PRE + "--network container:vpn " + END + "\n"), unit);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Network=gone.network             | p.pod:2:9: error: Network= names gone.network, but there is no such Quadlet file; create gone.network in one of the Quadlet directories, or fix the name
            Volume=gone.volume:/data         | p.pod:2:8: error: Volume= names gone.volume, but there is no such Quadlet file; create gone.volume in one of the Quadlet directories, or fix the name
            RemapUsers=sideways              | p.pod:2:1: error: RemapUsers=sideways is not a known mode; use manual, auto or keep-id
            Yaml=shop.yaml                   | p.pod:2:1: error: unknown key 'Yaml' in [Pod]; 'Yaml' is a key of [Kube], not of [Pod]
            """)
    void errorsAreReportedWhereTheyAre(String lines, String expected) {
        KindFixtures.assertErrorsOfLines("p.pod", "Pod", lines, expected);
    }

    @Test
    void templatePodIsOnePodForAllInstances() {
        KindFixtures f = KindFixtures.with("group@.pod", "[Pod]\n");
        assertTrue(f.dryRun().contains(PRE + "--infra-name systemd-group@-infra --name systemd-group@\n"), f.dryRun());
        assertEquals(List.of("/etc/containers/systemd/group@.pod:1:1: warning: group@.pod becomes group@-pod.service"
                + " and one pod named systemd-group@ that all instances share (as in Quadlet 5.4.2; no Quadlet supports"
                + " templated pods); to get one pod per instance, write one .pod file per"
                + " instance"), f.diagnostics());
    }

    @Test
    void unreadableGlobalArgsAreReportedOnce() {
        List<String> errors = KindFixtures.with("p.pod", "[Pod]\nGlobalArgs=--root \\xZZ\n").errors();
        assertEquals(1, errors.size(), () -> String.join("\n", errors));
        assertTrue(errors.get(0).startsWith("/etc/containers/systemd/p.pod:2:19: error: cannot read the value of"
                + " 'GlobalArgs'"), errors.get(0));
    }

    @Test
    void aRelaxedGlobalArgsIsOneWarningNotAnError() {
        List<String> all = KindFixtures.with("p.pod", "[Pod]\nGlobalArgs=--root \"/x\n").diagnostics();
        assertEquals(1, all.size(), () -> String.join("\n", all));
        assertTrue(all.get(0).startsWith("/etc/containers/systemd/p.pod:2:19: warning: unbalanced quotes"), all.get(0));
    }
}
