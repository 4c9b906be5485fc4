package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Reading the journal when journalctl itself cannot be run (issue 7, item 11). */
class JournalTest {

    /** The real process runner, asked to run a program that is not installed, as a machine without journalctl. */
    private static JournalRunner missingJournalctl() {
        return (argv, lines) -> {
            List<String> replaced = new ArrayList<>(argv);
            replaced.set(0, "no-such-journalctl-for-berth");
            return JournalRunner.process().run(replaced, lines);
        };
    }

    @Test
    void aMissingJournalctlSaysWhatIsMissingAndHowToFixIt() {
        Journal.Outcome o = new Journal(missingJournalctl(), false).read("web.service", OptionalInt.of(1), false,
                r -> { });

        assertFalse(o.ran());
        assertFalse(o.problem().contains("Exec failed") || o.problem().contains("error:") || o.problem().contains("error="),
                o.problem());
        assertEquals("cannot run journalctl: it is not installed, or not in a directory on PATH", o.problem());
        assertTrue(o.fix().orElseThrow().contains("apt-get install systemd"), o.fix()::get);
    }

    @Test
    void logsPrintsTheProblemAndTheFix(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("web.container"), "[Container]\nImage=localhost/web\n");
        dev.berth.generator.Environment env = dev.berth.generator.Environment.of(
                java.util.Map.of("QUADLET_UNIT_DIRS", tmp.toString()), 0, tmp);
        Run r = Run.of((out, err) -> Berth.execute(new String[] {"logs", "web"},
                new Berth.Session(out, err, env, SystemdFactory.dbus(), missingJournalctl(), new LocalClock())));

        assertEquals(1, r.status());
        assertTrue(r.err().contains("berth: cannot run journalctl: it is not installed"), r::err);
        assertTrue(r.err().contains("fix: "), r::err);
    }
}
