package dev.berth.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.generator.GeneratedUnit;
import dev.berth.generator.Generator;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import dev.berth.generator.SourceUnit;
import dev.berth.generator.UnitSet;
import dev.berth.install.ApplyPlan.FileAction;
import dev.berth.install.ApplyPlan.UnitChange;
import dev.berth.install.ApplyPlan.UnitDifference;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.UnitFileParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplyPlanTest {

    private static final String DIR = "/etc/containers/systemd/";

    /** Generates the units of {@code files} (name -> text) as if they were all in the install directory. */
    private static List<GeneratedUnit> units(Map<String, String> files) {
        List<SourceUnit> sources = new ArrayList<>();
        files.forEach((name, text) -> sources.add(new SourceUnit(name, DIR + name, DIR.substring(0, DIR.length() - 1),
                UnitKind.ofFileName(name).orElseThrow(), UnitFileParser.parse(DIR + name, text).file().merged())));
        UnitSet set = Generator.generate(sources,
                GeneratorOptions.system().withTarget(dev.berth.spec.quadlet.QuadletVersion.SUPPORTED.get(0)),
                HostView.nothingExists());
        assertFalse(set.hasErrors(), set.diagnostics().toString());
        return set.units();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String WEB = "[Container]\nImage=localhost/web:1\n";
    private static final String WEB_2 = "[Container]\nImage=localhost/web:2\n";
    private static final String ENABLED = "[Container]\nImage=localhost/app\n[Install]\nWantedBy=multi-user.target\n";

    @Test
    void filesAreAddedChangedOrUnchangedByTheirBytes() {
        Map<String, byte[]> installed = Map.of(DIR + "web.container", bytes(WEB), DIR + "db.volume", bytes("[Volume]\n"));
        Map<String, byte[]> incoming = new LinkedHashMap<>();
        incoming.put(DIR + "web.container", bytes(WEB_2));
        incoming.put(DIR + "db.volume", bytes("[Volume]\n"));
        incoming.put(DIR + "app.container", bytes(ENABLED));

        ApplyPlan plan = ApplyPlan.apply(installed, incoming, List.of(), List.of());

        assertEquals(List.of("changed " + DIR + "web.container", "unchanged " + DIR + "db.volume",
                "added " + DIR + "app.container"), plan.files().stream().map(Object::toString).toList());
        assertTrue(plan.changesFiles());
        assertEquals(2, plan.changedFiles().size());
        assertTrue(plan.files().get(2).before().isEmpty());
        assertEquals(WEB, new String(plan.files().get(0).before().orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void aTrailingNewlineIsAChange() {
        ApplyPlan plan = ApplyPlan.apply(Map.of(DIR + "a.volume", bytes("[Volume]\n")),
                Map.of(DIR + "a.volume", bytes("[Volume]")), List.of(), List.of());
        assertEquals(FileAction.CHANGED, plan.files().get(0).action());
    }

    @Test
    void identicalInputChangesNothing() {
        Map<String, String> files = Map.of("web.container", WEB, "db.volume", "[Volume]\n");
        ApplyPlan plan = ApplyPlan.apply(Map.of(DIR + "web.container", bytes(WEB)),
                Map.of(DIR + "web.container", bytes(WEB)), units(files), units(files));
        assertFalse(plan.changesFiles());
        assertEquals(List.of(), plan.units());
    }

    @Test
    void unitsAreComparedByTheirGeneratedText() {
        List<GeneratedUnit> before = units(Map.of("web.container", WEB, "db.volume", "[Volume]\n",
                "old.network", "[Network]\n"));
        List<GeneratedUnit> after = units(Map.of("web.container", WEB_2, "db.volume", "[Volume]\n",
                "app.container", ENABLED));

        List<UnitChange> changes = ApplyPlan.unitChanges(before, after);

        assertEquals(Map.of("web.service", UnitDifference.CHANGED, "app.service", UnitDifference.ADDED,
                        "old-network.service", UnitDifference.REMOVED),
                changes.stream().collect(java.util.stream.Collectors.toMap(UnitChange::name, UnitChange::difference)));
        UnitChange app = changes.stream().filter(c -> c.name().equals("app.service")).findFirst().orElseThrow();
        assertEquals(List.of("app.service"), app.enabledAs());
        assertEquals(DIR + "app.container", app.source());
        UnitChange web = changes.stream().filter(c -> c.name().equals("web.service")).findFirst().orElseThrow();
        assertFalse(web.enabled());
    }

    @Test
    void aChangeOnlyInADependencyStillChangesTheDependentUnit() {
        // The container's unit names the network's podman name; renaming the network changes the container's unit.
        String container = "[Container]\nImage=localhost/x\nNetwork=net.network\n";
        List<GeneratedUnit> before = units(Map.of("c.container", container, "net.network", "[Network]\n"));
        List<GeneratedUnit> after = units(Map.of("c.container", container,
                "net.network", "[Network]\nNetworkName=other\n"));
        List<String> changed = ApplyPlan.unitChanges(before, after).stream().map(UnitChange::name).sorted().toList();
        assertEquals(List.of("c.service", "net-network.service"), changed);
    }

    @Test
    void enabledAsFollowsWantedRequiredAndUpheldByButNotAlias() {
        GeneratedUnit u = units(Map.of("a.container", "[Container]\nImage=localhost/a\n[Install]\nAlias=b.service\n"
                + "RequiredBy=x.target\nUpheldBy=y.target\n")).get(0);
        assertEquals(List.of("a.service"), ApplyPlan.enabledAs(u));
        GeneratedUnit alias = units(Map.of("a.container", "[Container]\nImage=localhost/a\n[Install]\nAlias=b.service\n"))
                .get(0);
        assertEquals(List.of(), ApplyPlan.enabledAs(alias));
        GeneratedUnit template = units(Map.of("t@.container", "[Container]\nImage=localhost/t\n[Install]\n"
                + "WantedBy=default.target\nDefaultInstance=one\n")).get(0);
        assertEquals(List.of("t@one.service"), ApplyPlan.enabledAs(template));
        assertTrue(ApplyPlan.unitChanges(List.of(), List.of(template)).get(0).template());
    }

    @Test
    void removalPlansDeletedFilesAndRemovedUnits() {
        List<GeneratedUnit> before = units(Map.of("web.container", WEB, "db.volume", "[Volume]\n"));
        List<GeneratedUnit> after = units(Map.of("db.volume", "[Volume]\n"));
        ApplyPlan plan = ApplyPlan.remove(Map.of(DIR + "web.container", bytes(WEB)), before, after);
        assertEquals(FileAction.REMOVED, plan.files().get(0).action());
        assertTrue(plan.files().get(0).after().isEmpty());
        assertEquals(List.of(new UnitChange("web.service", UnitDifference.REMOVED, DIR + "web.container", List.of())),
                plan.units());
    }
}
