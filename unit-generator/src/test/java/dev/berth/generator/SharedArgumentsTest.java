package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.quadlet.SectionReader;
import dev.berth.spec.syntax.UnitFile;
import dev.berth.spec.syntax.UnitFileParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The helpers other kinds reuse, called the way a .pod or .kube translator calls them. */
class SharedArgumentsTest {

    private static final String DIR = "/etc/containers/systemd";

    /** A context for {@code x.pod} with the other files given, and a reader of its [Pod] section. */
    private record Setup(TranslationContext ctx, SectionReader section, ServiceBuilder service) {
        static Setup pod(String podText, String... otherFiles) {
            List<SourceUnit> units = new ArrayList<>();
            SourceUnit pod = unit("x.pod", podText);
            units.add(pod);
            for (int i = 0; i + 1 < otherFiles.length; i += 2) {
                units.add(unit(otherFiles[i], otherFiles[i + 1]));
            }
            TranslationContext ctx = new TranslationContext(pod, GeneratorOptions.system().withTarget(
                    dev.berth.spec.quadlet.QuadletVersion.SUPPORTED.get(0)), UnitIndex.of(units),
                    HostView.nothingExists());
            return new Setup(ctx, CommonSteps.main(ctx), new ServiceBuilder("x-pod.service", pod.file()));
        }

        private static SourceUnit unit(String name, String text) {
            UnitFile f = UnitFileParser.parse(DIR + "/" + name, text).file();
            return new SourceUnit(name, DIR + "/" + name, DIR,
                    dev.berth.spec.quadlet.UnitKind.ofFileName(name).orElseThrow(), f);
        }

        List<String> errors() {
            return ctx.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
        }
    }

    private static PodmanCommand podman() {
        return new PodmanCommand("podman");
    }

    @Test
    void remapManualCanBeRefused() {
        Setup s = Setup.pod("[Pod]\nRemapUsers=manual\nRemapUid=0:1:1\n");
        PodmanCommand cmd = podman();
        UserMappings.addMappings(s.ctx(), s.section(), cmd, false);
        assertEquals(List.of("podman"), cmd.words());
        assertEquals(List.of(DIR + "/x.pod:2:1: error: RemapUsers=manual is not supported here; use auto or keep-id"),
                s.errors());
    }

    @Test
    void remapUidSizeReadsNumbersLikeStrtol() {
        assertEquals(Optional.of(16L), UserMappings.parseNumber("0x10"));
        assertEquals(Optional.of(8L), UserMappings.parseNumber("010"));
        assertEquals(Optional.of(10L), UserMappings.parseNumber("+10"));
        assertEquals(Optional.of(-3L), UserMappings.parseNumber("-3"));
        assertEquals(Optional.empty(), UserMappings.parseNumber("09"));
        assertEquals(Optional.empty(), UserMappings.parseNumber("ten"));
    }

    @Test
    void networksAndVolumesOfAPod() {
        Setup s = Setup.pod("[Pod]\nNetwork=n.network\nNetwork=slirp4netns:port_handler=slirp4netns\nVolume=v.volume:/v\n",
                "n.network", "[Network]\nNetworkName=lan\n", "v.volume", "[Volume]\n");
        PodmanCommand cmd = podman();
        NetworkArguments.add(s.ctx(), s.section(), s.service(), cmd);
        VolumeArguments.add(s.ctx(), s.section(), s.service(), cmd);
        assertEquals(List.of("podman", "--network", "lan", "--network", "slirp4netns:port_handler=slirp4netns",
                "-v", "systemd-v:/v"), cmd.words());
        assertEquals(List.of(), s.errors());
        String unit = dev.berth.spec.syntax.UnitFilePrinter.print(s.service().build());
        assertTrue(unit.contains("[Unit]\nRequires=n-network.service\nAfter=n-network.service\n"
                + "Requires=v-volume.service\nAfter=v-volume.service\n"), unit);
    }

    @Test
    void volumeSourcesResolveImagesOnlyWhenAsked() {
        Setup s = Setup.pod("[Pod]\n", "t.image", "[Image]\nImage=registry.example/t\n");
        Position at = Position.ofFile(DIR + "/x.pod");
        assertEquals(Optional.of("t.image"),
                VolumeArguments.resolveSource(s.ctx(), s.service(), "Volume", "t.image", false, at));
        assertEquals(Optional.of("registry.example/t"),
                VolumeArguments.resolveSource(s.ctx(), s.service(), "Mount", "t.image", true, at));
    }

    @Test
    void keyValuesSortLikeGoStrings() {
        Setup s = Setup.pod("[Pod]\nLabel=b=1 a=2 \u00e9=3 Z=4 \uD83D\uDE00=5 \uFFFD=6\nLabel=a=7\n");
        PodmanCommand cmd = podman();
        KeyValueArguments.add(s.ctx(), s.section(), "Label", "--label", cmd);
        // Code point (UTF-8 byte) order: 'Z' < 'a' < 'b' < U+00E9 < U+FFFD < U+1F600.
        assertEquals(List.of("podman", "--label", "Z=4", "--label", "a=7", "--label", "b=1", "--label", "\u00e9=3",
                "--label", "\uFFFD=6", "--label", "\uD83D\uDE00=5"), cmd.words());
    }

    @Test
    void manyKeyValuesSortLikeASortedMapOfTheirNames() {
        // More names than the linear scan handles, with overrides, shared prefixes, '=' in values and characters
        // above U+FFFF: the same order and winners as a map sorted by code points.
        java.util.Random random = new java.util.Random(7);
        String[] alphabet = {"a", "b", "A", "_", ".", "-", "\u00e9", "\uFFFD", "\uD83D\uDE00", "z"};
        java.util.TreeMap<String, String> expected = new java.util.TreeMap<>(KeyValueArguments::compareCodePoints);
        StringBuilder text = new StringBuilder("[Pod]\n");
        for (int i = 0; i < 3000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                name.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String value = i + "=x";
            expected.put(name.toString(), name + "=" + value);
            text.append("Label=").append(name).append('=').append(value).append('\n');
        }
        Setup s = Setup.pod(text.toString());
        PodmanCommand cmd = podman();
        KeyValueArguments.add(s.ctx(), s.section(), "Label", "--label", cmd);
        List<String> want = new ArrayList<>(List.of("podman"));
        expected.values().forEach(w -> {
            want.add("--label");
            want.add(w);
        });
        assertEquals(want, cmd.words());
    }

    @Test
    void wordsWithoutEqualsAreDroppedWithAWarningThatSaysWhatQuadletDoes() {
        Setup s = Setup.pod("[Pod]\nLabel=JAVA_OPTS=-Xms1g -Xmx1g A=1\nLabel=B=2 # a comment\n");
        PodmanCommand cmd = podman();
        KeyValueArguments.add(s.ctx(), s.section(), "Label", "--label", cmd);
        assertEquals(List.of("podman", "--label", "A=1", "--label", "B=2", "--label", "JAVA_OPTS=-Xms1g"),
                cmd.words());
        assertEquals(List.of(), s.errors());
        List<String> warnings = s.ctx().diagnostics().stream().map(Diagnostic::format).toList();
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith(DIR + "/x.pod:2:7: warning: Label= item '-Xmx1g' has no '='"),
                warnings.get(0));
        assertTrue(warnings.get(0).contains("Quadlet 5.4.2 drops it"), warnings.get(0));
        assertTrue(warnings.get(1).contains("a comment must be on a line of its own"), warnings.get(1));
    }

    @Test
    void catalogueFlagsKeepTheirDeclaredOrder() {
        Setup s = Setup.pod("[Pod]\nIP6=fd00::1\nHostName=h\nIP=10.0.0.1\nShmSize=\nDNS=1.1.1.1\nDNS=\nDNS=9.9.9.9\n");
        PodmanCommand cmd = podman();
        CatalogFlags.emit(s.section(), cmd, "Pod");
        // The catalogue's order (IP, IP6, ShmSize, ..., DNS, ..., HostName), not the file's; an empty single and a
        // list reset by an empty assignment give nothing.
        assertEquals(List.of("podman", "--ip", "10.0.0.1", "--ip6", "fd00::1", "--dns", "9.9.9.9", "--hostname", "h"),
                cmd.words());
    }

    @Test
    void imageReferencesPassPlainImagesThrough() {
        Setup s = Setup.pod("[Pod]\n");
        Position at = Position.ofFile(DIR + "/x.pod");
        assertEquals(Optional.of("quay.io/x/y:1"), ImageReferences.resolve(s.ctx(), s.service(), "Image", "quay.io/x/y:1", at));
        assertEquals(Optional.empty(), ImageReferences.resolve(s.ctx(), s.service(), "Image", "gone.image", at));
        assertEquals(1, s.errors().size());
    }
}
