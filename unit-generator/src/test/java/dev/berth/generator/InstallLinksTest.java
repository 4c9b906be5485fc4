package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.spec.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstallLinksTest {

    private static List<String> links(GeneratedUnit u) {
        return InstallLinks.of(u).stream().map(l -> l.link() + " -> " + l.target()).toList();
    }

    @Test
    void wantedByRequiredByUpheldByAndAlias() {
        GeneratedUnit u = TestUnits.unit("web.service", """
                [Service]
                ExecStart=/bin/true

                [Install]
                WantedBy=multi-user.target default.target
                RequiredBy=app.target
                UpheldBy=keeper.service
                Alias=www.service sub/dir/w.service
                """);
        assertEquals(List.of("www.service -> web.service", "sub/dir/w.service -> ../../web.service",
                "multi-user.target.wants/web.service -> ../web.service",
                "default.target.wants/web.service -> ../web.service",
                "app.target.requires/web.service -> ../web.service",
                "keeper.service.upholds/web.service -> ../web.service"), links(u));
    }

    @Test
    void anEmptyAssignmentResetsAndPathsAreRefusedWithAWarning() {
        GeneratedUnit u = TestUnits.unit("web.service", """
                [Install]
                WantedBy=old.target
                WantedBy=
                WantedBy=new.target /etc/systemd/system/x.target
                Alias=/abs.service ../escape.service
                """);
        List<Diagnostic> problems = new ArrayList<>();
        List<InstallLink> links = InstallLinks.of(u, problems);
        assertEquals(List.of(new InstallLink(Path.of("new.target.wants/web.service"), "../web.service")), links);
        assertEquals(3, problems.size());
        assertEquals("/src/web.service:4:10: warning: WantedBy='/etc/systemd/system/x.target' is a path, not a unit "
                + "name; no link is made; name the unit only, for example 'multi-user.target'", problems.get(2).format());
    }

    @Test
    void aTemplateIsLinkedOnlyThroughItsDefaultInstance() {
        GeneratedUnit withDefault = TestUnits.unit("echo@.service", """
                [Install]
                WantedBy=default.target
                DefaultInstance=main
                """);
        assertEquals(List.of("default.target.wants/echo@main.service -> ../echo@.service"), links(withDefault));

        GeneratedUnit without = TestUnits.unit("echo@.service", """
                [Install]
                WantedBy=default.target
                Alias=other@.service
                """);
        assertEquals(List.of("other@.service -> echo@.service"), links(without));
    }

    @Test
    void anInstanceIsLinkedUnderItsOwnName() {
        GeneratedUnit u = TestUnits.unit("echo@blue.service", """
                [Install]
                WantedBy=default.target
                DefaultInstance=ignored
                """);
        assertEquals(List.of("default.target.wants/echo@blue.service -> ../echo@blue.service"), links(u));
    }

    @Test
    void noInstallSectionNoLinks() {
        assertEquals(List.of(), links(TestUnits.unit("web.service", "[Service]\nExecStart=/bin/true\n")));
    }
}
