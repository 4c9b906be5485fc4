package dev.berth.generator.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitComparisonTest {

    private static final String RUN = "ExecStart=/usr/bin/podman run --name systemd-%N --replace --rm --cgroups=split ";

    private static String unit(String execStart) {
        return "[Unit]\nSourcePath=/x.container\n\n[Service]\nType=notify\nExecStart=" + execStart + "\n";
    }

    @Test
    void equalTextsAreIdentical() {
        assertEquals(UnitComparison.Verdict.IDENTICAL, UnitComparison.compare("a\nb\n", "a\nb\n").verdict());
    }

    @Test
    void firstDifferingLineIsReportedWithBothVersions() {
        UnitComparison.Result r = UnitComparison.compare("[Unit]\nA=1\nB=2\n", "[Unit]\nA=1\nB=3\n");
        assertEquals(UnitComparison.Verdict.DIFFERENT, r.verdict());
        assertEquals(3, r.line());
        assertEquals("B=2", r.expected());
        assertEquals("B=3", r.actual());
        assertTrue(r.describe().contains("reference: B=2") && r.describe().contains("berth:     B=3"), r.describe());
    }

    @Test
    void missingFinalNewlineIsADifference() {
        UnitComparison.Result r = UnitComparison.compare("A=1\n", "A=1");
        assertEquals(UnitComparison.Verdict.DIFFERENT, r.verdict());
        assertEquals(2, r.line());
    }

    @Test
    void reorderedStringBlockOptionsAreEquivalent() {
        String ref = unit("podman run --name n --tz UTC --hostname h --pull never -d img arg");
        String mine = unit("podman run --name n --pull never --tz UTC --hostname h -d img arg");
        assertEquals(UnitComparison.Verdict.EQUIVALENT, UnitComparison.compare(ref, mine).verdict());
    }

    @Test
    void reorderedListBlockKeysAreEquivalentButValuesOfOneKeyKeepTheirOrder() {
        String ref = "podman run --dns 1.1.1.1 --dns 8.8.8.8 --tmpfs /t --add-host a:1 -d img";
        assertTrue(RandomOptionOrder.equivalent(ref, "podman run --tmpfs /t --dns 1.1.1.1 --dns 8.8.8.8 --add-host a:1 -d img"));
        assertFalse(RandomOptionOrder.equivalent(ref, "podman run --dns 8.8.8.8 --dns 1.1.1.1 --tmpfs /t --add-host a:1 -d img"));
    }

    @Test
    void deterministicOptionsMustKeepTheirOrder() {
        // -v and --publish are not map-ordered in Quadlet: swapping them is a real difference.
        assertFalse(RandomOptionOrder.equivalent("podman run -v a:/a --publish 80:80 img",
                "podman run --publish 80:80 -v a:/a img"));
        // Nor may an option leave its block's position.
        assertFalse(RandomOptionOrder.equivalent("podman run --cgroups=split --tz UTC --sdnotify=conmon -d img",
                "podman run --cgroups=split --sdnotify=conmon --tz UTC -d img"));
    }

    @Test
    void optionsOfDifferentBlocksDoNotMix() {
        // --tz (string block) must come before --dns (list block) whatever the order inside each block.
        assertFalse(RandomOptionOrder.equivalent("podman run --tz UTC --dns 1 img", "podman run --dns 1 --tz UTC img"));
    }

    @Test
    void booleanOptionsDoNotSwallowThePositionalName() {
        assertTrue(RandomOptionOrder.equivalent("podman network create --ignore --internal --ipv6 systemd-net",
                "podman network create --ignore --ipv6 --internal systemd-net"));
        assertTrue(RandomOptionOrder.equivalent("podman image pull --all-tags --tls-verify=false img",
                "podman image pull --tls-verify=false --all-tags img"));
        assertFalse(RandomOptionOrder.equivalent("podman network create --ignore --internal systemd-net",
                "podman network create --ignore --internal other-net"));
    }

    @Test
    void aValueStartingWithADashStaysWithItsOption() {
        assertTrue(RandomOptionOrder.equivalent("podman run --pids-limit -1 --tz UTC img",
                "podman run --tz UTC --pids-limit -1 img"));
    }

    @Test
    void trailingImageAndArgumentsMustMatch() {
        assertFalse(RandomOptionOrder.equivalent("podman run --tz UTC --hostname h img a b",
                "podman run --hostname h --tz UTC img b a"));
    }

    @Test
    void quotedWordsAreKeptWhole() {
        assertTrue(RandomOptionOrder.equivalent("podman run --hostname \"a b\" --tz UTC img",
                "podman run --tz UTC --hostname \"a b\" img"));
        assertEquals(java.util.List.of("a", "\"b c\"", "d\\ e"), PrintedWords.split("a \"b c\" d\\ e"));
    }

    @Test
    void podCreateBlocksAreRecognisedInExecStartPre() {
        String ref = "ExecStartPre=/usr/bin/podman pod create --infra-conmon-pidfile=%t/%N.pid --ip 10.0.0.2 --shm-size 1g --dns 9.9.9.9 --add-host h:1 --infra-name p-infra --name p";
        String mine = "ExecStartPre=/usr/bin/podman pod create --infra-conmon-pidfile=%t/%N.pid --shm-size 1g --ip 10.0.0.2 --add-host h:1 --dns 9.9.9.9 --infra-name p-infra --name p";
        assertTrue(UnitComparison.linesEquivalent(ref, mine));
    }

    @Test
    void onlyExecLinesMayBeReordered() {
        assertFalse(UnitComparison.linesEquivalent("Environment=--tz a --pull b", "Environment=--pull b --tz a"));
        assertFalse(UnitComparison.linesEquivalent("ExecStart=podman run --tz a --pull b img",
                "ExecStartPre=podman run --pull b --tz a img"));
    }

    @Test
    void diffExcerptShowsBothSides() {
        String excerpt = LineDiff.excerpt("a\nb\nc\nd\n", "a\nb\nX\nd\n");
        assertTrue(excerpt.contains("- c\n+ X\n"), excerpt);
        assertTrue(excerpt.contains("  b\n"), excerpt);
    }
}
