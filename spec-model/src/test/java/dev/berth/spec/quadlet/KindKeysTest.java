package dev.berth.spec.quadlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key tables of the volume, network, image, build, artifact, pod and kube sections. */
class KindKeysTest {

    private static final Map<String, List<KeySpec>> TABLES = Map.of("Volume", VolumeKeys.ALL, "Network",
            NetworkKeys.ALL, "Image", ImageKeys.ALL, "Build", BuildKeys.ALL, "Artifact", ArtifactKeys.ALL, "Pod",
            PodKeys.ALL, "Kube", KubeKeys.ALL);

    @ParameterizedTest
    @CsvSource({"Pod", "Build", "Kube", "Network", "Image", "Volume", "Artifact"})
    void theCatalogueServesEachTable(String section) {
        assertEquals(TABLES.get(section), KeyCatalog.section(section));
        assertTrue(TABLES.get(section).stream().allMatch(k -> k.section().equals(section)));
    }

    @ParameterizedTest
    @CsvSource({"Pod", "Build", "Kube", "Network", "Image", "Volume", "Artifact"})
    void everyKeyHasAVersionAndADescription(String section) {
        for (KeySpec k : TABLES.get(section)) {
            assertTrue(k.since().matches("[456]\\.\\d+"), k.name() + " since " + k.since());
            assertTrue(PodmanVersion.compare(k.since(), "4.4") >= 0, k.name());
            assertFalse(k.description().isBlank(), k.name());
            assertTrue(k.description().length() <= 110, k.name() + " has a long description");
        }
    }

    @ParameterizedTest
    @CsvSource({"Pod", "Build", "Kube", "Network", "Image", "Volume", "Artifact"})
    void podmanOptionsBeforeTheSubcommandComeFirst(String section) {
        List<String> names = TABLES.get(section).stream().map(KeySpec::name).toList();
        assertEquals(List.of("ContainersConfModule", "GlobalArgs"), names.subList(0, 2));
        assertEquals("ServiceName", names.get(names.size() - 1));
    }

    @Test
    void keysNewerThanTheReferenceAreMarked() {
        Set<String> newer = TABLES.values().stream().flatMap(List::stream).filter(KeySpec::newerThanReference)
                .map(k -> k.section() + "." + k.name()).collect(Collectors.toSet());
        assertEquals(Set.of("Volume.UID", "Volume.GID", "Network.InterfaceName", "Network.NetworkDeleteOnStop",
                "Image.Policy", "Image.Retry", "Image.RetryDelay", "Build.BuildArg", "Build.IgnoreFile",
                "Build.Retry", "Build.RetryDelay", "Pod.ExitPolicy", "Pod.HostName", "Pod.Label", "Pod.StopTimeout",
                "Artifact.Artifact", "Artifact.AuthFile", "Artifact.CertDir", "Artifact.ContainersConfModule",
                "Artifact.Creds", "Artifact.DecryptionKey", "Artifact.GlobalArgs", "Artifact.PodmanArgs",
                "Artifact.Quiet", "Artifact.Retry", "Artifact.RetryDelay", "Artifact.ServiceName",
                "Artifact.TLSVerify"), newer);
    }

    @Test
    void emissionOrderFollowsQuadlet() {
        List<String> volume = VolumeKeys.ALL.stream().map(KeySpec::name).toList();
        assertTrue(volume.indexOf("Driver") < volume.indexOf("Copy"));
        assertTrue(volume.indexOf("Type") < volume.indexOf("User"));
        assertTrue(volume.indexOf("Label") < volume.indexOf("PodmanArgs"));
        List<String> pod = PodKeys.ALL.stream().map(KeySpec::name).toList();
        assertTrue(pod.indexOf("PublishPort") < pod.indexOf("Network"));
        assertTrue(pod.indexOf("Volume") < pod.indexOf("PodName"));
        assertTrue(pod.indexOf("PodName") < pod.indexOf("PodmanArgs"));
        List<String> build = BuildKeys.ALL.stream().map(KeySpec::name).toList();
        assertTrue(build.indexOf("Pull") < build.indexOf("Arch"));
        assertTrue(build.indexOf("Volume") < build.indexOf("File"));
        assertTrue(build.indexOf("PodmanArgs") < build.indexOf("SetWorkingDirectory"));
    }

    @Test
    void suggestionsStayInTheSection() {
        assertEquals("did you mean 'Subnet'?", KeyCatalog.suggestion("Network", "Subnets").orElseThrow());
        assertEquals("did you mean 'Yaml'?", KeyCatalog.suggestion("Kube", "Yml").orElseThrow());
        assertEquals("'Yaml' is a key of [Kube], not of [Pod]", KeyCatalog.suggestion("Pod", "Yaml").orElseThrow());
    }
}
