package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchPathTest {

    @TempDir
    Path tmp;

    private Path root() throws IOException {
        return tmp.toRealPath();
    }

    private Path dir(String relative) throws IOException {
        return Files.createDirectories(root().resolve(relative));
    }

    private List<String> relative(List<Path> dirs) throws IOException {
        Path r = root();
        return dirs.stream().map(p -> r.relativize(p).toString()).toList();
    }

    @Test
    void rootfulOrderIsRunEtcUsrShareEachDepthFirstInNameOrder() throws IOException {
        dir("run/containers/systemd");
        dir("etc/containers/systemd/b");
        dir("etc/containers/systemd/a/deeper");
        dir("usr/share/containers/systemd/z");
        Files.writeString(dir("etc/containers/systemd").resolve("web.container"), "[Container]\n");

        List<Path> dirs = SearchPath.of(false, Environment.of(Map.of(), 0, root()));

        assertEquals(List.of("run/containers/systemd", "etc/containers/systemd", "etc/containers/systemd/a",
                "etc/containers/systemd/a/deeper", "etc/containers/systemd/b", "usr/share/containers/systemd",
                "usr/share/containers/systemd/z"), relative(dirs));
    }

    @Test
    void rootfulSkipsUsersTreesByPathComponentNotByStringPrefix() throws IOException {
        dir("etc/containers/systemd/users/1000");
        dir("etc/containers/systemd/users/shared");
        dir("etc/containers/systemd/users2");
        dir("etc/containers/systemd/usersettings");
        dir("usr/share/containers/systemd/users/1000");

        List<Path> dirs = SearchPath.of(false, Environment.of(Map.of(), 0, root()));

        assertEquals(List.of("etc/containers/systemd", "etc/containers/systemd/users2",
                "etc/containers/systemd/usersettings", "usr/share/containers/systemd"), relative(dirs));
    }

    @Test
    void dropInDirectoriesAreNotDescended() throws IOException {
        dir("etc/containers/systemd/web.container.d/inner");
        dir("etc/containers/systemd/container.d");
        dir("etc/containers/systemd/apps");

        List<Path> dirs = SearchPath.of(false, Environment.of(Map.of(), 0, root()));

        assertEquals(List.of("etc/containers/systemd", "etc/containers/systemd/apps"), relative(dirs));
    }

    @Test
    void symlinkedDirectoriesAreFollowedOnceAndLoopsEnd() throws IOException {
        Path etc = dir("etc/containers/systemd");
        Path elsewhere = dir("srv/quadlets");
        dir("srv/quadlets/sub");
        Files.createSymbolicLink(etc.resolve("linked"), elsewhere);
        Files.createSymbolicLink(elsewhere.resolve("loop"), etc);      // back to the parent: a loop
        Files.createSymbolicLink(etc.resolve("again"), elsewhere);     // the same target twice

        List<Path> dirs = SearchPath.of(false, Environment.of(Map.of(), 0, root()));

        // The real path is listed (as Quadlet does), once.
        assertEquals(List.of("etc/containers/systemd", "srv/quadlets", "srv/quadlets/sub"), relative(dirs));
    }

    @Test
    void rootlessOrderAndUserIdDirectories() throws IOException {
        Path runtime = dir("xdg-run");
        dir("xdg-run/containers/systemd");
        dir("home/me/.config/containers/systemd/sub");
        dir("etc/containers/systemd/users/1000/mine");
        dir("etc/containers/systemd/users/1001");
        dir("etc/containers/systemd/users/shared/2000");
        dir("etc/containers/systemd/app");
        dir("usr/share/containers/systemd/users/1000");
        dir("usr/share/containers/systemd/users/1001");
        Environment env = Environment.of(Map.of("XDG_RUNTIME_DIR", runtime.toString(),
                "HOME", root().resolve("home/me").toString()), 1000, root());

        List<Path> dirs = SearchPath.of(true, env);

        assertEquals(List.of("xdg-run/containers/systemd", "home/me/.config/containers/systemd",
                "home/me/.config/containers/systemd/sub",
                "etc/containers/systemd/users", "etc/containers/systemd/users/shared",
                "etc/containers/systemd/users/shared/2000",
                "etc/containers/systemd/users/1000", "etc/containers/systemd/users/1000/mine",
                "usr/share/containers/systemd/users", "usr/share/containers/systemd/users/1000"), relative(dirs));
    }

    @Test
    void rootlessShareUsersDirectoriesOnlyFromTarget60() throws IOException {
        dir("etc/containers/systemd/users/1000");
        dir("usr/share/containers/systemd/users/1000");
        Environment env = Environment.of(Map.of("HOME", root().resolve("home/me").toString()), 1000, root());

        List<Path> v58 = SearchPath.resolve(true, env, new dev.berth.spec.quadlet.QuadletVersion(5, 8)).directories();
        List<Path> v60 = SearchPath.resolve(true, env, new dev.berth.spec.quadlet.QuadletVersion(6, 0)).directories();

        assertEquals(List.of("etc/containers/systemd/users", "etc/containers/systemd/users/1000"), relative(v58));
        assertEquals(List.of("etc/containers/systemd/users", "etc/containers/systemd/users/1000",
                "usr/share/containers/systemd/users", "usr/share/containers/systemd/users/1000"), relative(v60));
    }

    @Test
    void xdgConfigHomeWinsOverHomeAndARelativeOneIsReportedAndIgnored() throws IOException {
        dir("cfg/containers/systemd");
        dir("home/me/.config/containers/systemd");
        String home = root().resolve("home/me").toString();

        List<Path> absolute = SearchPath.of(true, Environment.of(Map.of("XDG_CONFIG_HOME",
                root().resolve("cfg").toString(), "HOME", home), 5, root()));
        assertEquals(List.of("cfg/containers/systemd"), relative(absolute));

        SearchPath.Result rel = SearchPath.resolve(true, Environment.of(Map.of("XDG_CONFIG_HOME", "cfg",
                "HOME", home), 5, root()));
        assertEquals(List.of("home/me/.config/containers/systemd"), relative(rel.directories()));
        assertEquals(1, rel.diagnostics().size());
        assertTrue(rel.diagnostics().get(0).format().startsWith("$XDG_CONFIG_HOME: warning: 'cfg' is not an absolute path"),
                rel.diagnostics().get(0).format());
    }

    @Test
    void quadletUnitDirsReplacesEverythingAndARelativeEntryIsADiagnosticNotAStop() throws IOException {
        Path one = dir("one");
        Path two = dir("two");
        dir("two/nested");
        dir("etc/containers/systemd");
        Environment env = Environment.of(Map.of("QUADLET_UNIT_DIRS", one + ":relative/dir::" + two), 0, root());

        SearchPath.Result r = SearchPath.resolve(false, env);

        assertEquals(List.of("one", "two", "two/nested"), relative(r.directories()));
        assertEquals(1, r.diagnostics().size());
        assertEquals("$QUADLET_UNIT_DIRS: warning: 'relative/dir' is not an absolute path; it is ignored; "
                + "write it as an absolute path, for example /relative/dir", r.diagnostics().get(0).format());
    }

    @Test
    void missingDirectoriesAreLeftOut() throws IOException {
        dir("usr/share/containers/systemd");
        assertEquals(List.of("usr/share/containers/systemd"),
                relative(SearchPath.of(false, Environment.of(Map.of(), 0, root()))));
    }

    @Test
    void expandWalksGivenDirectoriesWithoutUserFilters() throws IOException {
        Path mine = dir("mine");
        dir("mine/users/1000");
        dir("mine/x.d");
        assertEquals(List.of("mine", "mine/users", "mine/users/1000"),
                relative(SearchPath.expand(List.of(mine)).directories()));
    }
}
