package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.berth.cli.UnitNameResolver.Found;
import dev.berth.cli.UnitNameResolver.NotFound;
import dev.berth.cli.UnitNameResolver.Resolution;
import dev.berth.generator.Environment;
import dev.berth.generator.SearchPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitNameResolverTest {

    @TempDir
    Path tmp;

    private UnitNameResolver resolver;

    @BeforeEach
    void files() throws IOException {
        write("web.container", "[Container]\nImage=localhost/busybox:latest\n");
        write("web.volume", "[Volume]\n");
        write("db.volume", "[Volume]\n");
        write("db.network", "[Network]\n");
        write("api.container", "[Container]\nImage=localhost/api\nServiceName=custom-api\n");
        write("echo@.container", "[Container]\nImage=localhost/echo\n");
        write("sub/cache.container", "[Container]\nImage=localhost/cache\n");
        List<Path> dirs = SearchPath.expand(List.of(tmp)).directories();
        resolver = BerthUnits.of(false, dirs, Environment.of(Map.of(), 0, tmp)).resolver();
    }

    private void write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String unit(String name) {
        Resolution r = resolver.resolve(name);
        return assertInstanceOf(Found.class, r, () -> r.toString()).unit();
    }

    private String error(String name) {
        Resolution r = resolver.resolve(name);
        return assertInstanceOf(NotFound.class, r, () -> r.toString()).message();
    }

    @Test
    void aBareNameAServiceNameAndAFileNameAllLeadToTheSameUnit() {
        assertEquals("web.service", unit("web"));
        assertEquals("web.service", unit("web.service"));
        assertEquals("web.service", unit("web.container"));
        assertEquals("web-volume.service", unit("web.volume"));
        assertEquals("web-volume.service", unit("web-volume"));
        assertEquals("cache.service", unit("cache"), "files in sub-directories of the search path count");
    }

    @Test
    void serviceNameOverridesAreHonoured() {
        assertEquals("custom-api.service", unit("api.container"));
        assertEquals("custom-api.service", unit("custom-api"));
        assertEquals("custom-api.service", unit("api"), "the base name still finds the only file called api");
        assertEquals("no unit named 'api.service' in the search path; 'api.container' runs as 'custom-api.service' "
                + "(ServiceName=); use that name or 'api.container'",
                error("api.service"));
    }

    @Test
    void volumeAndNetworkSuffixesAndAmbiguousBaseNames() {
        assertEquals("db-volume.service", unit("db-volume"));
        assertEquals("db-network.service", unit("db.network"));
        assertEquals("'db' is ambiguous: db.network, db.volume; name the file, for example 'db.network'",
                error("db"));
    }

    @Test
    void templatesAndTheirInstances() {
        assertEquals("echo@.service", unit("echo@.container"));
        assertEquals("echo@blue.service", unit("echo@blue"));
        assertEquals("echo@blue.service", unit("echo@blue.service"));
        assertEquals("echo@blue.service", unit("echo@blue.container"));
        Found f = (Found) resolver.resolve("echo@blue");
        assertEquals("echo@.container", f.from().fileName());
    }

    @Test
    void unknownNamesSayWhatWasMeant() {
        assertEquals("no unit named 'wbe' in the search path; did you mean 'web'?", error("wbe"));
        assertEquals("no unit named 'web.contianer' in the search path; did you mean 'web.container'?",
                error("web.contianer"));
        assertEquals("no unit named 'nothing-like-it' in the search path; 'berth list' shows the units berth "
                + "generates", error("nothing-like-it"));
        assertEquals("'web.socket' is not a service; berth only generates services; name the Quadlet file or its "
                + "service, for example 'web' or 'web.container'", error("web.socket"));
    }

    @Test
    void resolveAllKeepsOrderDropsDuplicatesAndCollectsEveryProblem() {
        UnitNameResolver.Resolutions r = resolver.resolveAll(List.of("db-volume", "web", "web.container", "nope",
                "cache.service"));
        assertEquals(List.of("db-volume.service", "web.service", "cache.service"), r.unitNames());
        assertEquals(1, r.notFound().size());
        assertEquals("nope", r.notFound().get(0).given());
    }

    @Test
    void anEmptySearchPathSaysWhereFilesGo() {
        UnitNameResolver empty = new UnitNameResolver(List.of());
        assertEquals("no unit named 'web' in the search path; no Quadlet files were found; put them in "
                + "/etc/containers/systemd, or in ~/.config/containers/systemd for --user",
                ((NotFound) empty.resolve("web")).message());
    }

    @Test
    void aNameSystemdWouldRefuseIsRefusedBeforeAnythingIsSent() {
        for (String bad : List.of("echo@x/../y", "echo@x/../y.service", "../web", "web\u0000", "echo@two words",
                "echo@" + "a".repeat(300))) {
            Resolution r = resolver.resolve(bad);
            NotFound n = assertInstanceOf(NotFound.class, r, bad);
            org.junit.jupiter.api.Assertions.assertTrue(n.problem().contains("not a valid unit name"), n.problem());
            org.junit.jupiter.api.Assertions.assertTrue(n.fix().isPresent(), bad);
        }
        NotFound slash = (NotFound) resolver.resolve("echo@x/../y");
        org.junit.jupiter.api.Assertions.assertTrue(slash.problem().contains("'/'"), slash.problem());
        org.junit.jupiter.api.Assertions.assertTrue(slash.fix().orElseThrow().contains("systemd-escape"), slash.fix().get());
        assertEquals("echo@blue.service", ((Found) resolver.resolve("echo@blue")).unit());
        assertEquals("echo@a\\x2fb.service", ((Found) resolver.resolve("echo@a\\x2fb")).unit());
    }
}
