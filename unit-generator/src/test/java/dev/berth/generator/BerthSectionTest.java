package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The [X-Berth] keys: what the unit runs with them, and that without them nothing changes. */
class BerthSectionTest {

    private static final String F = "/etc/containers/systemd/test.container";
    private static final String BASE = "[Container]\nImage=localhost/busybox:latest\nExec=sleep 1000\n";

    @Test
    void withoutTheSectionTheUnitIsUnchanged() {
        String plain = QuadletFiles.container(BASE).text();
        assertFalse(plain.contains("berth-unit-helper"));
        assertFalse(plain.contains("SuccessExitStatus"));
    }

    @Test
    void checkpointOnStopAddsTheHelperBeforeTheRemoval() {
        QuadletFiles.Result r = QuadletFiles.container(BASE + "\n[X-Berth]\nCheckpointOnStop=true\n");
        String text = r.text();
        int helper = text.indexOf("ExecStop=/usr/lib/berth/berth-unit-helper stop systemd-%N");
        int rm = text.indexOf("ExecStop=/usr/bin/podman rm -v -f -i --cidfile=%t/%N.cid");
        assertTrue(helper > 0 && rm > helper, text);
        assertEquals("137", r.value("Service", "SuccessExitStatus"));
        // Start is unchanged without RestoreOnStart=.
        assertTrue(r.execStart().startsWith("/usr/bin/podman run "), r.execStart());
        // The section is kept, as Quadlet keeps it (systemd ignores X- sections).
        assertTrue(text.contains("[X-Berth]\nCheckpointOnStop=true"), text);
    }

    @Test
    void restoreOnStartWrapsExecStart() {
        QuadletFiles.Result r = QuadletFiles.container(BASE + "\n[X-Berth]\nRestoreOnStart=latest\n");
        assertTrue(r.execStart().startsWith("/usr/lib/berth/berth-unit-helper start latest localhost/busybox:latest"
                + " -- /usr/bin/podman run --name systemd-%N "), r.execStart());
        assertFalse(r.text().contains("SuccessExitStatus"));
        assertEquals("notify", r.value("Service", "Type"));
    }

    @Test
    void restoreOnStartNoChangesNothing() {
        QuadletFiles.Result r = QuadletFiles.container(BASE + "\n[X-Berth]\nRestoreOnStart=no\nCheckpointOnStop=false\n");
        assertTrue(r.execStart().startsWith("/usr/bin/podman run "), r.execStart());
        assertFalse(r.text().contains("berth-unit-helper"));
    }

    @Test
    void unknownKeysAndValuesAreErrorsWithPositions() {
        QuadletFiles.Result r = QuadletFiles.container(BASE + "\n[X-Berth]\nCheckpointOnStpo=true\nRestoreOnStart=newest\n");
        assertEquals(List.of(
                F + ":6:1: error: unknown key 'CheckpointOnStpo' in [X-Berth]; did you mean 'CheckpointOnStop'?",
                F + ":7:16: error: RestoreOnStart=newest is not a restore choice; use RestoreOnStart=latest "
                        + "(restore the newest checkpoint) or RestoreOnStart=no"), r.errors());
    }

    @Test
    void userUnitsWarnAndStayUnchanged() {
        QuadletFiles.Result r = QuadletFiles.of("test.container", BASE + "\n[X-Berth]\nCheckpointOnStop=true\n")
                .rootless().translate("test.container");
        assertFalse(r.text().contains("berth-unit-helper"), r.text());
        List<String> warnings = r.diagnostics().stream().filter(d -> !d.isError()).map(Diagnostic::format).toList();
        assertEquals(List.of(F + ":6:1: warning: CheckpointOnStop= and RestoreOnStart= are ignored in a user unit: "
                + "podman checkpoints and restores only as root; run the container as a system unit "
                + "(/etc/containers/systemd) to checkpoint it"), warnings);
    }
}
