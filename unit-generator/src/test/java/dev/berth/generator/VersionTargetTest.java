package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.quadlet.QuadletVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same files under different Quadlet version targets: each behaviour switches at its version. */
class VersionTargetTest {

    private static final QuadletVersion V54 = new QuadletVersion(5, 4);
    private static final QuadletVersion V55 = new QuadletVersion(5, 5);
    private static final QuadletVersion V56 = new QuadletVersion(5, 6);
    private static final QuadletVersion V57 = new QuadletVersion(5, 7);
    private static final QuadletVersion V58 = new QuadletVersion(5, 8);
    private static final QuadletVersion V60 = new QuadletVersion(6, 0);

    private static KindFixtures container(String body, QuadletVersion target) {
        return KindFixtures.with("web.container", "[Container]\nImage=localhost/img\n" + body).target(target);
    }

    @Test
    void aKeyNewerThanTheTargetIsRefusedAsThatQuadletRefusesIt() {
        KindFixtures f = container("Memory=512m\n", V54);
        assertEquals(List.of("/etc/containers/systemd/web.container:3:1: error: 'Memory' in [Container] needs Quadlet"
                + " 5.5, but berth generates for Quadlet 5.4; remove the key, or raise [Generator] QuadletVersion= in"
                + " berth.conf to 5.5 or later"), f.errors());
        assertTrue(f.generate().units().isEmpty());
        assertTrue(container("Memory=512m\n", V55).line("ExecStart").contains("--memory 512m"));
    }

    @Test
    void containersAreStoppedByNameFrom56() {
        assertEquals("/usr/bin/podman rm -v -f -i --cidfile=%t/%N.cid", container("", V55).line("ExecStop"));
        assertEquals("/usr/bin/podman rm -v -f -i systemd-%N", container("", V56).line("ExecStop"));
        assertFalse(container("", V56).line("ExecStart").contains("--cidfile"));
    }

    @Test
    void blanksInQuotedWordsAreEscapedFrom55() {
        assertTrue(container("Exec=echo \"a b\"\n", V54).line("ExecStart").endsWith("echo \"a b\""));
        assertTrue(container("Exec=echo \"a b\"\n", V55).line("ExecStart").endsWith("echo \"a\\x20b\""));
    }

    @Test
    void entrypointIsWrittenWithEqualsAndMayBeEmptyFrom58() {
        assertTrue(container("Entrypoint=/init\n", V57).line("ExecStart").contains(" --entrypoint /init "));
        assertTrue(container("Entrypoint=/init\n", V58).line("ExecStart").contains(" --entrypoint=/init "));
        assertFalse(container("Entrypoint=\"\"\n", V57).line("ExecStart").contains("--entrypoint"));
        assertTrue(container("Entrypoint=\"\"\n", V58).line("ExecStart").contains(" --entrypoint= "));
    }

    @Test
    void singleValuesLoseOnePairOfQuotesFrom58() {
        String cmd = "HealthCmd=\"sh -c \"test -f /ready\"\"\n";
        // Before: every quote at either end went, the one closing the inner command too.
        assertTrue(container(cmd, V57).line("ExecStart").contains("--health-cmd \"sh\\x20-c\\x20\\\"test\\x20-f\\x20/ready\" "),
                container(cmd, V57).line("ExecStart"));
        assertTrue(container(cmd, V58).line("ExecStart")
                .contains("--health-cmd \"sh\\x20-c\\x20\\\"test\\x20-f\\x20/ready\\\"\""), container(cmd, V58).line("ExecStart"));
    }

    @Test
    void podsKeepTheirRestartFrom60() {
        String pod = "[Pod]\n[Service]\nRestart=always\n";
        assertEquals("on-failure", KindFixtures.with("p.pod", pod).target(V58).line("Restart"));
        assertEquals("always", KindFixtures.with("p.pod", pod).target(V60).line("Restart"));
    }

    @Test
    void volumeOptionsWithoutDeviceFrom60() {
        String volume = "[Volume]\nOptions=size=1g\n";
        assertEquals(1, KindFixtures.with("v.volume", volume).target(V58).errors().size());
        assertTrue(KindFixtures.with("v.volume", volume).target(V60).line("ExecStart").contains("--opt o=size=1g"));
    }

    @Test
    void templateVolumesAreNamedPerInstanceFrom57() {
        String dry56 = KindFixtures.with("data@.volume", "[Volume]\n").target(V56).dryRun();
        assertTrue(dry56.contains("---data@-volume.service---") && dry56.contains(" systemd-data@\n"), dry56);
        String dry57 = KindFixtures.with("data@.volume", "[Volume]\n").target(V57).dryRun();
        assertTrue(dry57.contains("---data-volume@.service---") && dry57.contains(" systemd-data-%i\n"), dry57);
    }

    @Test
    void severalYamlFromFiftySeven() {
        String kube = "[Kube]\nYaml=a.yaml\nYaml=b.yaml\n";
        String play56 = KindFixtures.with("k.kube", kube).target(V56).line("ExecStart");
        assertTrue(play56.endsWith("/b.yaml") && !play56.contains("a.yaml"), play56);
        assertTrue(KindFixtures.with("k.kube", kube).target(V57).line("ExecStart").contains("a.yaml"));
    }

    @Test
    void unitDependencyNamesAreTranslatedFrom55() {
        String files = "[Unit]\nAfter=db.container\n[Container]\nImage=i\n";
        KindFixtures v54 = KindFixtures.with("web.container", files).and("db.container", "[Container]\nImage=i\n");
        assertTrue(v54.target(V54).unit("web.service").contains("After=db.container\n"));
        KindFixtures v55 = KindFixtures.with("web.container", files).and("db.container", "[Container]\nImage=i\n");
        assertTrue(v55.target(V55).unit("web.service").contains("After=db.service\n"));
    }

    @Test
    void mountsWithoutTypeAreVolumesFrom56() {
        String mount = "Mount=source=data,destination=/data\n";
        assertEquals(1, container(mount, V55).errors().size());
        assertTrue(container(mount, V56).line("ExecStart").contains("--mount type=volume,source=data,destination=/data"));
    }
}
