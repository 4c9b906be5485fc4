package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.generator.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint commands' refusals and usage, which need no systemd and no podman. */
class CheckpointCommandsTest {

    @TempDir
    Path tmp;

    private Run berth(Map<String, String> vars, String... args) throws Exception {
        Environment env = Environment.of(vars, 0, tmp.toRealPath());
        return Run.of((out, err) -> Berth.execute(args, out, err, env));
    }

    @Test
    void rootlessCheckpointIsRefusedPlainly() throws Exception {
        Run r = berth(Map.of(), "checkpoint", "--user", "web");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("checkpoint and restore need root: podman refuses"), r.err());
        Run json = berth(Map.of(), "restore", "--user", "--format", "json", "web");
        assertEquals(1, json.status());
        assertTrue(json.out().contains("\"kind\" : \"rootless\""), json.out());
    }

    @Test
    void badChoicesAreUsageErrors() throws Exception {
        assertTrue(berth(Map.of(), "checkpoint", "--compress", "xz", "web").err().contains("--compress xz is not one of"));
        assertTrue(berth(Map.of(), "restore", "--fallback", "warm", "web").err().contains("--fallback warm is not"));
        Run prune = berth(Map.of(), "checkpoints", "prune");
        assertTrue(prune.err().contains("prune needs --keep N or --older-than AGE"), prune.out() + prune.err());
        assertTrue(berth(Map.of(), "migrate", "--to", "/tmp/x").err().contains("--to needs the NAME"));
    }

    @Test
    void checkpointsListsAndPrunesTheStore() throws Exception {
        Path store = tmp.resolve("store");
        Path dir = Files.createDirectories(store.resolve("web.service"));
        Files.writeString(dir.resolve("20261203T080000.000000000Z.tar"), "x");
        Files.writeString(dir.resolve("20261203T080000.000000000Z.json"),
                "{\"unit\": \"web.service\", \"image\": \"localhost/busybox:latest\", \"size\": 1, \"by\": \"test\"}");
        Files.writeString(dir.resolve("20261203T090000.000000000Z.tar"), "y");
        Files.writeString(dir.resolve(".20261203T100000.000000000Z.tar.part"), "partial");
        Map<String, String> vars = Map.of("BERTH_CHECKPOINT_ROOT", store.toString());
        Run list = berth(vars, "checkpoints");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("20261203T080000.000000000Z.tar"), list.out());
        assertTrue(list.out().contains("localhost/busybox:latest"), list.out());
        assertTrue(!list.out().contains(".part"), list.out());
        Run prune = berth(vars, "checkpoints", "prune", "--keep", "1");
        assertEquals(0, prune.status(), prune.err());
        assertTrue(Files.exists(dir.resolve("20261203T090000.000000000Z.tar")));
        assertTrue(!Files.exists(dir.resolve("20261203T080000.000000000Z.tar")));
        assertTrue(!Files.exists(dir.resolve("20261203T080000.000000000Z.json")));
    }

    @Test
    void helpListsTheCommands() throws Exception {
        String help = berth(Map.of(), "--help").out();
        for (String c : new String[] {"checkpoint", "restore", "checkpoints", "migrate"}) {
            assertTrue(help.contains("  " + c), help);
        }
    }
}
