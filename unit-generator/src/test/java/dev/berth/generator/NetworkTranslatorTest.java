package dev.berth.generator;

import static dev.berth.generator.KeyCases.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkTranslatorTest extends KeyCaseTests {

    private static final String P = "ExecStart=/usr/bin/podman network create --ignore ";

    static final KeyCases KEYS = KeyCases.of("Network", "n.network", "",
            row("ContainersConfModule", "ContainersConfModule=/etc/a.conf",
                    "ExecStart=/usr/bin/podman --module=/etc/a.conf network create --ignore systemd-n"),
            row("GlobalArgs", "GlobalArgs=--log-level=debug",
                    "ExecStart=/usr/bin/podman --log-level=debug network create --ignore systemd-n"),
            row("NetworkDeleteOnStop", "NetworkDeleteOnStop=true\nGlobalArgs=--root=/r",
                    "ExecStopPost=/usr/bin/podman --root=/r network rm systemd-n"),
            row("DisableDNS", "DisableDNS=true", P + "--disable-dns systemd-n"),
            row("Internal", "Internal=yes", P + "--internal systemd-n"),
            row("IPv6", "IPv6=false", P + "--ipv6=false systemd-n"),
            row("Driver", "Driver=macvlan", P + "--driver macvlan systemd-n"),
            row("IPAMDriver", "IPAMDriver=dhcp", P + "--ipam-driver dhcp systemd-n"),
            row("InterfaceName", "InterfaceName=br-app", P + "--interface-name br-app systemd-n"),
            row("DNS", "DNS=10.0.0.2\nDNS=10.0.0.3", P + "--dns 10.0.0.2 --dns 10.0.0.3 systemd-n"),
            row("Subnet", "Subnet=10.89.0.0/24\nSubnet=fd00::/64",
                    P + "--subnet 10.89.0.0/24 --subnet fd00::/64 systemd-n"),
            row("Gateway", "Subnet=10.89.0.0/24\nSubnet=10.90.0.0/24\nGateway=10.89.0.1",
                    P + "--subnet 10.89.0.0/24 --gateway 10.89.0.1 --subnet 10.90.0.0/24 systemd-n"),
            row("IPRange", "Subnet=10.89.0.0/24\nIPRange=10.89.0.128/25\nGateway=10.89.0.1",
                    P + "--subnet 10.89.0.0/24 --gateway 10.89.0.1 --ip-range 10.89.0.128/25 systemd-n"),
            row("Options", "Options=mtu=1400 isolate=true", P + "--opt isolate=true --opt mtu=1400 systemd-n"),
            row("Label", "Label=app=web\nOptions=mtu=9000", P + "--opt mtu=9000 --label app=web systemd-n"),
            row("PodmanArgs", "PodmanArgs=--route 10.1.0.0/16,10.89.0.1", P + "--route 10.1.0.0/16,10.89.0.1 systemd-n"),
            row("NetworkName", "NetworkName=backend", P + "backend"),
            row("ServiceName", "ServiceName=net", "---net.service---"));

    @Override
    KeyCases keyCases() {
        return KEYS;
    }

    @Test
    void realisticNetwork() {
        assertEquals("""
                ---backend-network.service---
                # The network of the shop's services.
                [Network]
                NetworkName=shop-backend
                Driver=bridge
                Subnet=10.89.10.0/24
                Gateway=10.89.10.1
                Subnet=fd10:89:10::/64
                Gateway=fd10:89:10::1
                IPv6=true
                Internal=false
                DNS=10.89.10.1
                Label=app=shop

                [Unit]
                Wants=network-online.target
                After=network-online.target
                SourcePath=/etc/containers/systemd/backend.network
                RequiresMountsFor=%t/containers

                [Service]
                ExecStart=/usr/bin/podman network create --ignore --internal=false --ipv6 --driver bridge --dns 10.89.10.1 --subnet 10.89.10.0/24 --gateway 10.89.10.1 --subnet fd10:89:10::/64 --gateway fd10:89:10::1 --label app=shop shop-backend
                SyslogIdentifier=%N
                Type=oneshot
                RemainAfterExit=yes

                """.replace("[Network]", "[X-Network]"), KindFixtures.with("backend.network", """
                # The network of the shop's services.
                [Network]
                NetworkName=shop-backend
                Driver=bridge
                Subnet=10.89.10.0/24
                Gateway=10.89.10.1
                Subnet=fd10:89:10::/64
                Gateway=fd10:89:10::1
                IPv6=true
                Internal=false
                DNS=10.89.10.1
                Label=app=shop
                """).dryRun());
    }

    @Test
    void deleteOnStopComesBeforeExecStart() {
        String unit = KindFixtures.with("n.network", "[Network]\nNetworkDeleteOnStop=true\n").unit("n-network.service");
        assertEquals(true, unit.endsWith("""
                [Service]
                ExecStopPost=/usr/bin/podman network rm systemd-n
                ExecStart=/usr/bin/podman network create --ignore systemd-n
                SyslogIdentifier=%N
                Type=oneshot
                RemainAfterExit=yes
                """), unit);
    }

    @Test
    void commentOnlyFileIsANetwork() {
        String out = KindFixtures.with("c.network", "# nothing yet\n").dryRun();
        assertEquals(true, out.startsWith("---c-network.service---\n\n[Unit]\n"), out);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Gateway=10.0.0.1                                   | n.network:2:1: error: Gateway= needs a Subnet= to belong to; add Subnet=<address>/<prefix length> (the subnet this gateway is in)
            IPRange=10.0.0.0/25                                | n.network:2:1: error: IPRange= needs a Subnet= to belong to; add Subnet=<address>/<prefix length> (the subnet this address range is in)
            Subnet=10.0.0.0/24\\nGateway=10.0.0.1\\nGateway=10.0.0.2 | n.network:4:1: error: Gateway= needs a Subnet= for each gateway: this is 2nd Gateway= but there is 1 Subnet=; add the Subnet= this gateway belongs to, or remove it (the n-th Gateway= pairs with the n-th Subnet=)
            Subnet=10.0.0.0/24\\nIPRange=10.0.0.0/25\\nIPRange=10.0.0.128/25 | n.network:4:1: error: IPRange= needs a Subnet= for each address range: this is 2nd IPRange= but there is 1 Subnet=; add the Subnet= this address range belongs to, or remove it (the n-th IPRange= pairs with the n-th Subnet=)
            Internal=maybe                                     | n.network:2:10: error: 'Internal' takes a boolean, not "maybe"; use true or false
            Subnets=10.0.0.0/24                                | n.network:2:1: error: unknown key 'Subnets' in [Network]; did you mean 'Subnet'?
            """)
    void errorsAreReportedWhereTheyAre(String lines, String expected) {
        KindFixtures.assertErrorsOfLines("n.network", "Network", lines, expected);
    }

    @Test
    void resetSubnetListsPairAfterTheReset() {
        KindFixtures f = KindFixtures.with("n.network",
                "[Network]\nSubnet=10.0.0.0/24\nGateway=10.0.0.1\nSubnet=\nGateway=\nSubnet=10.1.0.0/24\n");
        assertEquals(P + "--subnet 10.1.0.0/24 systemd-n", "ExecStart=" + f.line("ExecStart"));
    }

    @Test
    void unreadableGlobalArgsAreReportedOnce() {
        assertEquals(1, KindFixtures.with("n.network", "[Network]\nNetworkDeleteOnStop=true\nGlobalArgs=--root \\xZZ\n").errors().size());
    }
}
