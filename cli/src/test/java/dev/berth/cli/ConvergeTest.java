package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, item 4: apply and enable converge on what systemd reports, not only on the file diff, and report each
 * step truthfully; a second run after any failure repairs the state.
 */
class ConvergeTest {

    @TempDir
    java.nio.file.Path tmp;
    ApplyFixture m;

    @BeforeEach
    void machine() throws IOException {
        m = new ApplyFixture(tmp);
    }

    @Test
    void aFailedReloadIsReportedTruthfullyAndTheRetryRepairs() throws IOException {
        m.systemd.reloadFails();
        m.source("web.container", ApplyCommandTest.WEB);

        Run failed = m.berth("apply", m.src.toString());

        assertEquals(1, failed.status());
        assertEquals(List.of("daemon-reload"), m.systemd.actions());
        assertFalse(failed.out().contains("unit started"), failed.out());
        assertFalse(failed.out().contains("started web.service"), failed.out());
        assertTrue(failed.out().contains("did not start web.service"), failed.out());

        // Ansible retries: the files are there, but systemd never loaded them.
        m.systemd.reloadWorks();
        m.systemd.clear();
        Run retry = m.berth("apply", m.src.toString());

        assertEquals(0, retry.status(), retry.out() + retry.err());
        assertEquals(List.of("daemon-reload", "start web.service"), m.systemd.actions());
        assertTrue(retry.out().contains("started web.service"), retry.out());
        assertEquals("active", m.systemd.activeState("web.service"));

        // Converged: a third run does nothing at all.
        m.systemd.clear();
        Run third = m.berth("apply", m.src.toString());
        assertEquals(0, third.status(), third.err());
        assertEquals(List.of(), m.systemd.actions());
        assertTrue(third.out().startsWith("no changes"), third.out());
    }

    @Test
    void theJsonOfAFailedReloadSaysWhichStepsDidNotRun() throws IOException {
        m.systemd.reloadFails();
        m.source("web.container", ApplyCommandTest.WEB);
        Run r = m.berth("apply", "--format", "json", m.src.toString());
        assertEquals(1, r.status());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertTrue(doc.get("changed").asBoolean());
        assertFalse(doc.get("reloaded").asBoolean());
        assertEquals("reload", doc.get("errors").get(0).get("kind").asText());
        JsonNode web = doc.get("units").get(0);
        assertEquals("web.service", web.get("name").asText());
        assertEquals("not-run", web.get("result").asText());
        assertFalse(doc.get("summary").asText().contains("started"), doc.get("summary").asText());
    }

    @Test
    void aUnitSystemdSaysNeedsAReloadIsReloadedAndRestartedWithoutAFileChange() throws IOException {
        m.source("web.container", ApplyCommandTest.WEB);
        assertEquals(0, m.berth("apply", m.src.toString()).status());
        m.systemd.needsReload("web.service");
        m.systemd.clear();

        Run r = m.berth("apply", m.src.toString());

        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals(List.of("daemon-reload", "restart web.service"), m.systemd.actions());
    }

    @Test
    void anEnabledUnitThatIsNotRunningIsStarted() throws IOException {
        m.source("web.container", ApplyCommandTest.WEB);
        assertEquals(0, m.berth("apply", m.src.toString()).status());
        m.systemd.unit("web.service", "failed");
        m.systemd.clear();

        Run r = m.berth("apply", m.src.toString());

        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals(List.of("reset-failed web.service", "start web.service"), m.systemd.actions());
        assertTrue(r.out().contains("started web.service"), r.out());
    }

    @Test
    void enableAfterAFailedReloadReloadsOnTheRetry() throws IOException {
        m.installed("web.container", "[Container]\nImage=localhost/x\n");
        m.systemd.unit("web.service", "inactive");
        m.systemd.reloadFails();
        assertEquals(1, m.berth("enable", "web").status());

        m.systemd.reloadWorks();
        m.systemd.clear();
        Run retry = m.berth("enable", "web");

        assertEquals(0, retry.status(), retry.out() + retry.err());
        assertEquals(List.of("daemon-reload"), m.systemd.actions());
    }
}
