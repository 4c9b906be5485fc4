package dev.berth.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.install.EnableChoice.Action;
import dev.berth.install.EnableChoice.Choice;
import dev.berth.generator.GeneratedUnit;
import dev.berth.generator.Generation;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import dev.berth.generator.UnitNames;
import java.util.Optional;
import dev.berth.generator.Environment;
import dev.berth.generator.SearchPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnableChoiceTest {

    @TempDir
    Path tmp;

    private Path write(String relative, String text) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    /** The generator's view of tmp, re-read: what berth-generator would see at the next daemon-reload. */
    private ManagedUnit unit(String fileName, boolean user) {
        Environment env = Environment.of(Map.of(), 0, tmp);
        Generation.Outcome o = Generation.run(SearchPath.expand(List.of(tmp)).directories(),
                GeneratorOptions.of(user, env), HostView.real());
        var source = o.sources().stream().filter(s -> s.fileName().equals(fileName)).findFirst().orElseThrow();
        Optional<GeneratedUnit> g = o.units().units().stream()
                .filter(u -> u.source().path().equals(source.path())).findFirst();
        return new ManagedUnit(g.map(GeneratedUnit::fileName).orElse(UnitNames.serviceName(source) + ".service"),
                source, g);
    }

    private List<String> links(String fileName, boolean user) {
        return EnableChoice.startLinks(unit(fileName, user).generated().orElseThrow());
    }

    private static final String ENABLE_SYSTEM = """
            # Written by 'berth enable': berth-generator links web.service into multi-user.target.wants/ at every
            # daemon-reload and boot. 'berth disable' removes this file.
            [Install]
            WantedBy=multi-user.target
            """;

    @Test
    void enableWritesExactlyOneDropInAndTheGeneratorLinksTheUnit() throws IOException {
        write("web.container", "[Container]\nImage=localhost/busybox:latest\n");
        assertEquals(List.of(), links("web.container", false));

        assertEquals(Action.WRITTEN, EnableChoice.apply(Choice.ENABLE, unit("web.container", false), false));

        Path dropIn = tmp.resolve("web.container.d/50-berth-enable.conf");
        assertEquals(ENABLE_SYSTEM, Files.readString(dropIn));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dropIn)));
        try (Stream<Path> files = Files.list(dropIn.getParent())) {
            assertEquals(List.of(dropIn), files.toList(), "no temporary file is left behind");
        }
        assertEquals(List.of("multi-user.target.wants/web.service"), links("web.container", false));
    }

    @Test
    void enablingTwiceChangesNothing() throws IOException {
        write("web.container", "[Container]\nImage=localhost/busybox:latest\n");
        EnableChoice.apply(Choice.ENABLE, unit("web.container", false), false);
        Path dropIn = tmp.resolve("web.container.d/50-berth-enable.conf");
        Files.setLastModifiedTime(dropIn, java.nio.file.attribute.FileTime.fromMillis(0));

        assertEquals(Action.UNCHANGED, EnableChoice.apply(Choice.ENABLE, unit("web.container", false), false));
        assertEquals(0, Files.getLastModifiedTime(dropIn).toMillis(), "not rewritten");
    }

    @Test
    void aUserUnitIsWantedByDefaultTarget() throws IOException {
        write("web.container", "[Container]\nImage=localhost/busybox:latest\n");
        EnableChoice.apply(Choice.ENABLE, unit("web.container", true), true);
        assertTrue(Files.readString(tmp.resolve("web.container.d/50-berth-enable.conf"))
                .endsWith("[Install]\nWantedBy=default.target\n"));
        assertEquals(List.of("default.target.wants/web.service"), links("web.container", true));
    }

    @Test
    void disableAfterEnableRemovesTheDropInAndItsDirectory() throws IOException {
        write("web.container", "[Container]\nImage=localhost/busybox:latest\n");
        EnableChoice.apply(Choice.ENABLE, unit("web.container", false), false);

        assertEquals(Action.REMOVED, EnableChoice.apply(Choice.DISABLE, unit("web.container", false), false));

        assertFalse(Files.exists(tmp.resolve("web.container.d")));
        assertEquals(List.of(), links("web.container", false));
        assertEquals(Action.UNCHANGED, EnableChoice.apply(Choice.DISABLE, unit("web.container", false), false));
    }

    @Test
    void disablingAFileWithItsOwnInstallSectionClearsItsTargetsButKeepsAlias() throws IOException {
        write("web.container", """
                [Container]
                Image=localhost/busybox:latest

                [Install]
                WantedBy=multi-user.target
                RequiredBy=app.target
                Alias=www.service
                """);
        write("web.container.d/10-own.conf", "[Install]\nUpheldBy=keeper.service\n");
        assertEquals(List.of("multi-user.target.wants/web.service", "app.target.requires/web.service",
                "keeper.service.upholds/web.service"), links("web.container", false));

        assertEquals(Action.WRITTEN, EnableChoice.apply(Choice.DISABLE, unit("web.container", false), false));

        assertEquals("""
                # Written by 'berth disable': clears the [Install] targets of web.container, so that
                # berth-generator links web.service nowhere and it does not start at boot. 'berth enable' removes this file.
                [Install]
                WantedBy=
                RequiredBy=
                UpheldBy=
                """, Files.readString(tmp.resolve("web.container.d/50-berth-enable.conf")));
        assertEquals(List.of(), links("web.container", false), "empty assignments reset the generator's links");
        var alias = dev.berth.generator.InstallLinks.of(unit("web.container", false).generated().orElseThrow());
        assertEquals(List.of(Path.of("www.service")), alias.stream().map(l -> l.link()).toList());
        assertEquals(Action.UNCHANGED, EnableChoice.apply(Choice.DISABLE, unit("web.container", false), false));

        // Enabling again needs no drop-in: the file's own [Install] enables it.
        assertEquals(Action.REMOVED, EnableChoice.apply(Choice.ENABLE, unit("web.container", false), false));
        assertTrue(Files.exists(tmp.resolve("web.container.d/10-own.conf")), "other drop-ins are kept");
        assertEquals(3, links("web.container", false).size());
    }

    @Test
    void ownTargetsIgnoreBerthsDropInAndHonourResetsInOtherDropIns() throws IOException {
        write("web.container", "[Container]\nImage=x\n[Install]\nWantedBy=multi-user.target\n");
        write("web.container.d/60-reset.conf", "[Install]\nWantedBy=\n");
        write("web.container.d/50-berth-enable.conf", "[Install]\nWantedBy=other.target\n");
        assertEquals(List.of(), EnableChoice.ownTargets(unit("web.container", false)));
    }

    @Test
    void theDropInGoesBesideTheFileInItsSubDirectory() throws IOException {
        write("sub/api.container", "[Container]\nImage=x\nServiceName=custom-api\n");
        ManagedUnit api = unit("api.container", false);
        assertEquals(tmp.toRealPath().resolve("sub/api.container.d/50-berth-enable.conf"), EnableChoice.dropIn(api));
        EnableChoice.apply(Choice.ENABLE, api, false);
        assertEquals(List.of("multi-user.target.wants/custom-api.service"), links("api.container", false));
    }
}
