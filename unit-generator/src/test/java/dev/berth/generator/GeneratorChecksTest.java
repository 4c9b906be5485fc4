package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the generator makes across files: service names that are not plain unit names, and ordering cycles. */
class GeneratorChecksTest {

    private static final String IMAGE = "[Container]\nImage=localhost/busybox:latest\n";

    @Test
    void serviceNameThatLeavesTheOutputDirectoryIsAnErrorAtTheValue() {
        KindFixtures f = KindFixtures.with("evil.container", IMAGE + "ServiceName=../../etc/evil\n")
                .and("good.container", IMAGE);
        UnitSet set = f.generate();
        assertEquals(List.of("/etc/containers/systemd/evil.container:3:13: error: the service name "
                + "'../../etc/evil' contains '/'; a unit name is a plain file name; set ServiceName= to a name made of "
                + "letters, digits and the characters : - _ . @ \\"), f.errors());
        assertEquals(List.of("good.service"), set.units().stream().map(GeneratedUnit::fileName).toList());
    }

    @Test
    void serviceNameWithCharactersSystemdRejectsIsAnError() {
        List<String> errors = KindFixtures.with("a.container", IMAGE + "ServiceName=my web\n").errors();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("contains ' '"), errors.get(0));
    }

    @Test
    void emptyServiceNameOfAContainerIsAnError() {
        List<String> errors = KindFixtures.with("a.container", IMAGE + "ServiceName=\n").errors();
        assertEquals(List.of("/etc/containers/systemd/a.container:3:1: error: ServiceName= is empty, which would name "
                + "the service '.service'; remove the line to get the default name 'a', or give a name"), errors);
    }

    @Test
    void containersThatJoinEachOthersNetworkFormACycle() {
        KindFixtures f = KindFixtures.with("a.container", IMAGE + "Network=b.container\n")
                .and("b.container", IMAGE + "Network=a.container\n")
                .and("c.container", IMAGE);
        UnitSet set = f.generate();
        assertEquals(List.of(
                "/etc/containers/systemd/a.container:3:9: error: dependency cycle: a.service → b.service → a.service; "
                        + "systemd would drop one of these jobs at start-up; remove one of the references, or order the "
                        + "units one way only",
                "/etc/containers/systemd/b.container:3:9: error: dependency cycle: a.service → b.service → a.service; "
                        + "systemd would drop one of these jobs at start-up; remove one of the references, or order the "
                        + "units one way only"), f.errors());
        assertEquals(List.of("c.service"), set.units().stream().map(GeneratedUnit::fileName).toList());
    }

    @Test
    void afterLoopsThroughUnitSectionsAreFound() {
        KindFixtures f = KindFixtures.with("d.container", "[Unit]\nAfter=e.container\n" + IMAGE)
                .and("e.container", "[Unit]\nAfter=f.service\n" + IMAGE)
                .and("f.container", "[Unit]\nAfter=d.container\n" + IMAGE);
        List<String> errors = f.errors();
        assertEquals(3, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("/etc/containers/systemd/d.container:2:7: error: dependency cycle: "),
                errors.get(0));
        assertTrue(f.generate().units().isEmpty());
    }

    @Test
    void beforeLoopsAreFound() {
        KindFixtures f = KindFixtures.with("g.container", "[Unit]\nBefore=h.container\n" + IMAGE)
                .and("h.container", "[Unit]\nBefore=g.container\n" + IMAGE)
                .and("i.container", "[Unit]\nBefore=g.container\n" + IMAGE);
        List<String> errors = f.errors();
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("dependency cycle: g.service → h.service → g.service"), errors.get(0));
        assertEquals(List.of("i.service"), f.generate().units().stream().map(GeneratedUnit::fileName).toList());
    }

    @Test
    void beforeAndAfterThatAgreeAreNotACycle() {
        KindFixtures f = KindFixtures.with("j.container", "[Unit]\nBefore=k.container\nAfter=j.container\n" + IMAGE)
                .and("k.container", "[Unit]\nAfter=j.container\n" + IMAGE);
        assertEquals(List.of(), f.errors());
        assertEquals(2, f.generate().units().size());
    }

    @Test
    void aPodAndItsMembersAreNotACycle() {
        KindFixtures f = KindFixtures.with("web.pod", "[Pod]\n")
                .and("front.container", IMAGE + "Pod=web.pod\n")
                .and("back.container", IMAGE + "Pod=web.pod\nNetwork=front.container\n");
        assertEquals(List.of(), f.errors());
        assertEquals(3, f.generate().units().size());
    }
}
