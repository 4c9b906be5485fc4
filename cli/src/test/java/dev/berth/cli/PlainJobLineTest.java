package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.generator.Environment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlainJobLineTest {

    @TempDir
    Path tmp;

    private Berth.Session session() {
        return new Berth.Session(System.out, System.err, Environment.of(Map.of(), 0, tmp));
    }

    /** What picocli makes of the same line: the reference the plain reading must agree with. */
    private JobCommand picocli(String... args) {
        JobCommand command = JobCommand.named(args[0], session());
        // As Berth sets it up.
        new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(List.of(args).subList(1, args.length).toArray(String[]::new));
        return command;
    }

    private static List<Object> state(JobCommand c) {
        return List.of(c.getClass(), c.names, c.manager.user, c.manager.format);
    }

    @Test
    void aJobCommandWithPlainNamesIsReadAsPicocliReadsIt() {
        for (String[] line : List.of(new String[] {"start", "web"}, new String[] {"stop", "web", "db.volume"},
                new String[] {"restart", "echo@blue", "web.service"}, new String[] {"reload", "web.container"},
                new String[] {"start", "web", "web"}, new String[] {"start", "wéb"})) {
            Optional<JobCommand> plain = PlainJobLine.parse(line, session());
            assertTrue(plain.isPresent(), String.join(" ", line));
            assertEquals(state(picocli(line)), state(plain.get()), String.join(" ", line));
        }
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        for (String[] line : List.of(new String[] {"start"}, new String[] {"start", "--user", "web"},
                new String[] {"start", "web", "--format", "json"}, new String[] {"start", "web", "-h"},
                new String[] {"start", "--", "web"}, new String[] {"start", "@names.txt"},
                new String[] {"start", ""}, new String[] {"status", "web"}, new String[] {"enable", "web"},
                new String[] {"generate", "web.container"}, new String[] {"strat", "web"}, new String[] {})) {
            assertEquals(Optional.empty(), PlainJobLine.parse(line, session()), String.join(" ", line));
        }
    }
}
