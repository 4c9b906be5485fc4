package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import dev.berth.spec.quadlet.QuadletVersion;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.quadlet.ValueKind;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue drives translation: every key either reaches the output through its own declaration
 * ({@link KeySpec#isFlag()}, emitted by {@link CatalogFlags}), or is one of the keys the hand-written steps below
 * translate. A new simple flag is then one line in the catalogue, and this test proves it reaches podman; a key
 * that needs a step of its own must be named here, with its step.
 */
class CatalogueTranslationTest {

    /** What each kind needs besides the key under test, so that its file translates. */
    private static final Map<String, String> MINIMAL = Map.of(
            "Container", "Image=localhost/img\n",
            "Volume", "",
            "Network", "",
            "Pod", "",
            "Kube", "Yaml=a.yaml\n",
            "Image", "Image=localhost/img\n",
            "Build", "ImageTag=localhost/built\nSetWorkingDirectory=unit\n",
            "Artifact", "Artifact=localhost/artifact\n");

    /** The hand-written steps, each with the keys it translates (keys of [Quadlet]: every kind's common step). */
    private static final Map<String, Set<String>> STEPS = Map.of(
            "CommonSteps (module, global args, service name, [Quadlet])", Set.of("ContainersConfModule", "GlobalArgs",
                    "ServiceName", "DefaultDependencies", "PodmanArgs"),
            "ContainerTranslator", Set.of("ContainerName", "CgroupsMode", "Entrypoint", "Notify", "NoNewPrivileges",
                    "SecurityLabelDisable", "SecurityLabelNested", "SecurityLabelType", "SecurityLabelFileType",
                    "SecurityLabelLevel", "AppArmor", "AddDevice", "SeccompProfile", "DropCapability", "AddCapability",
                    "Sysctl", "ReadOnly", "VolatileTmp", "AutoUpdate", "ExposeHostPort", "Mask", "Unmask",
                    "EnvironmentFile", "Secret", "Pod", "StartWithPod", "Image", "Rootfs", "Exec", "ReloadCmd",
                    "ReloadSignal"),
            "shared steps (logging, user mappings, networks, volumes, mounts, ports, key=value lists, health)",
            Set.of("LogDriver", "LogOpt", "User", "Group", "UserNS", "UIDMap", "GIDMap", "SubUIDMap", "SubGIDMap",
                    "RemapUsers", "RemapUid", "RemapGid", "RemapUidSize", "Network", "Volume", "Mount", "PublishPort",
                    "Environment", "Label", "Annotation", "Options", "BuildArg", "HealthCmd", "HealthInterval",
                    "HealthOnFailure", "HealthLogDestination", "HealthMaxLogCount", "HealthMaxLogSize",
                    "HealthRetries", "HealthStartPeriod", "HealthTimeout", "HealthStartupCmd",
                    "HealthStartupInterval", "HealthStartupRetries", "HealthStartupSuccess", "HealthStartupTimeout"),
            "VolumeTranslator", Set.of("UID", "GID", "Driver", "Copy", "Device", "Type", "VolumeName"),
            "NetworkTranslator", Set.of("NetworkDeleteOnStop", "Subnet", "Gateway", "IPRange", "NetworkName"),
            "PodTranslator", Set.of("StopTimeout", "ExitPolicy", "PodName"),
            "KubeTranslator", Set.of("ExitCodePropagation", "AutoUpdate", "ConfigMap", "Yaml", "KubeDownForce",
                    "SetWorkingDirectory"),
            "ImageTranslator, BuildTranslator, ArtifactTranslator", Set.of("ImageTag", "Pull", "Secret", "File",
                    "Artifact"));

    static Stream<KeySpec> flags() {
        return KeyCatalog.all().stream().filter(KeySpec::isFlag);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    void everyCatalogueFlagReachesPodmanThroughItsOwnDeclaration(KeySpec k) {
        String value = k.valueKind() == ValueKind.BOOLEAN ? "true" : "catalogue-value";
        String out = generate(k, value);
        String expected = k.valueKind() == ValueKind.BOOLEAN ? " " + k.podmanArgument() + " "
                : " " + k.podmanArgument() + " catalogue-value";
        assertTrue(out.contains(expected), () -> k + " should give '" + expected.strip() + "' in\n" + out);
        if (k.valueKind() == ValueKind.BOOLEAN) {
            String off = generate(k, "false");
            assertTrue(off.contains(" " + k.podmanArgument() + "=false"), () -> k + "=false in\n" + off);
        }
    }

    /** The key set in its kind's minimal file, generated for the first Quadlet version that knows it. */
    private static String generate(KeySpec k, String value) {
        UnitKind kind = UnitKind.ofSection(k.section()).orElseThrow();
        String file = "key." + kind.extension();
        KindFixtures f = KindFixtures.with(file, "[" + k.section() + "]\n" + MINIMAL.get(k.section())
                + k.name() + "=" + value + "\n").target(QuadletVersion.NEWEST);
        assertTrue(f.errors().isEmpty(), () -> k + ": " + f.errors());
        return f.dryRun();
    }

    @Test
    void everyOtherKeyIsTranslatedByANamedStep() {
        Set<String> handwritten = new TreeSet<>();
        STEPS.values().forEach(handwritten::addAll);
        Set<String> unhandled = new TreeSet<>();
        Set<String> both = new TreeSet<>();
        for (KeySpec k : KeyCatalog.all()) {
            if (k.isFlag() && handwritten.contains(k.name()) && !sharedName(k)) {
                both.add(k.toString());
            } else if (!k.isFlag() && !handwritten.contains(k.name())) {
                unhandled.add(k.toString());
            }
        }
        assertEquals(Set.of(), unhandled, "keys that are neither catalogue flags nor in a hand-written step");
        assertEquals(Set.of(), both, "keys that are catalogue flags and also listed as hand-written");
    }

    /** A name that is a flag in one section and a step in another (ImageTag, Retry...). */
    private static boolean sharedName(KeySpec flag) {
        return KeyCatalog.all().stream().anyMatch(o -> o.name().equals(flag.name()) && !o.isFlag());
    }

    @Test
    void flagsAreEmittedInDeclarationOrder() {
        // Two flags of [Container], written in the file in the reverse of the catalogue's order.
        KindFixtures f = KindFixtures.with("o.container", "[Container]\nImage=i\nTmpfs=/t\nTimezone=UTC\n");
        String run = f.line("ExecStart");
        assertTrue(run.indexOf("--tz UTC") < run.indexOf("--tmpfs /t"), run);
    }
}
