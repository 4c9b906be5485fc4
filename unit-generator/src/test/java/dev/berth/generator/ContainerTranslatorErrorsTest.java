package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every error ConvertContainer can raise, and the values Quadlet drops or mistranslates silently: each is reported
 * at the offending key or value, with a fix, and no unit is generated.
 */
class ContainerTranslatorErrorsTest {

    private static final String F = "/etc/containers/systemd/test.container";

    private static List<String> errors(String text) {
        return errors(QuadletFiles.of("test.container", text), "test.container");
    }

    private static List<String> errors(QuadletFiles files, String fileName) {
        QuadletFiles.Result r = files.translate(fileName);
        assertTrue(r.unit().isEmpty(), () -> "expected no unit, got\n" + r.unit().get());
        return r.errors();
    }

    @Test
    void groupWithoutUser() {
        assertEquals(List.of(F + ":3:1: error: Group= needs User=; add User=<user> (podman sets the group only together with the user)"),
                errors("[Container]\nImage=i\nGroup=wheel\n"));
    }

    @Test
    void everyUnknownKeyIsReportedWithASuggestion() {
        assertEquals(List.of(
                F + ":3:1: error: unknown key 'PublishPorts' in [Container]; did you mean 'PublishPort'?",
                F + ":4:1: error: unknown key 'Volumes' in [Container]; did you mean 'Volume'?"),
                errors("[Container]\nImage=i\nPublishPorts=80:80\nVolumes=/a:/b\n"));
    }

    @Test
    void imageOrRootfsIsRequired() {
        assertEquals(List.of(F + ":1:1: error: a container needs Image= or Rootfs=; "
                        + "add Image=<image> (or Rootfs=<directory> to run an exploded root file system)"),
                errors("[Container]\nExec=sleep 1\n"));
    }

    @Test
    void imageAndRootfsConflict() {
        assertEquals(List.of(F + ":3:1: error: Image= and Rootfs= cannot both be set; keep only one of them"),
                errors("[Container]\nImage=i\nRootfs=/r\n"));
    }

    @Test
    void killModeMustSuitContainers() {
        assertEquals(List.of(F + ":5:1: error: KillMode=process does not work for containers; "
                        + "use KillMode=mixed (the default) or KillMode=control-group, or remove the line"),
                errors("[Container]\nImage=i\n\n[Service]\nKillMode=process\n"));
    }

    @Test
    void serviceTypeMustBeNotifyOrOneshot() {
        assertEquals(List.of(F + ":5:1: error: Type=simple does not work for a container service; "
                        + "use Type=notify (the default) or Type=oneshot, or remove the line"),
                errors("[Container]\nImage=i\n\n[Service]\nType=simple\n"));
    }

    @Test
    void missingImageFile() {
        assertEquals(List.of(F + ":2:7: error: Image= names app.build, but there is no such Quadlet file; "
                        + "create app.build in one of the Quadlet directories, or fix the name"),
                errors("[Container]\nImage=app.build\n"));
    }

    @Test
    void imageFileWithoutAnImageIsNotRunAsAnEmptyRootfs() {
        QuadletFiles files = QuadletFiles.of("test.container", "[Container]\nImage=app.build\n")
                .with("app.build", "[Build]\nFile=Containerfile\n");
        assertEquals(List.of(F + ":2:7: error: Image= names app.build, but the name of what app.build creates cannot be "
                        + "known when the units are generated; give app.build an explicit name without systemd specifiers "
                        + "(ImageTag=), or refer to that name directly"),
                errors(files, "test.container"));
    }

    @Test
    void missingNetworkFile() {
        assertEquals(List.of(F + ":3:9: error: Network= names lan.network, but there is no such Quadlet file; "
                        + "create lan.network in one of the Quadlet directories, or fix the name"),
                errors("[Container]\nImage=i\nNetwork=lan.network:ip=10.0.0.2\n"));
    }

    @Test
    void containerNetworkTakesNoOptions() {
        QuadletFiles files = QuadletFiles.of("test.container", "[Container]\nImage=i\nNetwork=db.container:ip=1.2.3.4\n")
                .with("db.container", "[Container]\nImage=db\n");
        assertEquals(List.of(F + ":3:21: error: Network=db.container joins another container's network, which takes no "
                        + "options; remove ':ip=1.2.3.4'"),
                errors(files, "test.container"));
    }

    @Test
    void templatedContainerHasNoKnownNameToJoin() {
        QuadletFiles files = QuadletFiles.of("test.container", "[Container]\nImage=i\nNetwork=db@.container\n")
                .with("db@.container", "[Container]\nImage=db\n");
        assertEquals(List.of(F + ":3:9: error: Network= names db@.container, but the name of what db@.container creates "
                        + "cannot be known when the units are generated; give db@.container an explicit name without "
                        + "systemd specifiers (ContainerName=), or refer to that name directly"),
                errors(files, "test.container"));
    }

    @Test
    void missingVolumeFileIsNotWrittenAsAnEmptySource() {
        assertEquals(List.of(F + ":3:8: error: Volume= names data.volume, but there is no such Quadlet file; "
                        + "create data.volume in one of the Quadlet directories, or fix the name"),
                errors("[Container]\nImage=i\nVolume=data.volume:/data\n"));
    }

    @Test
    void emptyVolumeSourceWithOptionsWouldLoseThem() {
        assertEquals(List.of(F + ":3:8: error: Volume= has an empty source, so Quadlet would drop the options 'ro'; "
                        + "name a source (a volume name, a path or a .volume file), or use "
                        + "Mount=type=volume,destination=/data,... for an anonymous volume with options"),
                errors("[Container]\nImage=i\nVolume=:/data:ro\n"));
    }

    @Test
    void podMustBeAQuadletPod() {
        assertEquals(List.of(F + ":3:5: error: Pod=mypod does not name a .pod file; name a Quadlet pod file such as "
                        + "mypod.pod; pods not made by Quadlet can be joined with PodmanArgs=--pod=mypod"),
                errors("[Container]\nImage=i\nPod=mypod\n"));
        assertEquals(List.of(F + ":3:5: error: Pod= names gone.pod, but there is no such Quadlet file; "
                        + "create gone.pod in one of the Quadlet directories, or fix the name"),
                errors("[Container]\nImage=i\nPod=gone.pod\n"));
    }

    @Test
    void deprecatedRemapKeysConflictWithExplicitMappings() {
        assertEquals(List.of(F + ":4:1: error: the deprecated RemapUsers= cannot be combined with UserNS=; "
                        + "drop the Remap*= keys and express the mapping with UserNS=, UIDMap= and GIDMap="),
                errors("[Container]\nImage=i\nUserNS=auto\nRemapUsers=keep-id\n"));
    }

    @Test
    void remapErrors() {
        assertEquals(List.of(F + ":3:1: error: RemapUid= needs RemapUsers=; "
                        + "set RemapUsers=manual, auto or keep-id, or better, use UIDMap= or UserNS="),
                errors("[Container]\nImage=i\nRemapUid=0:1:1\n"));
        assertEquals(List.of(F + ":3:1: error: RemapUsers=nested is not a known mode; use manual, auto or keep-id"),
                errors("[Container]\nImage=i\nRemapUsers=nested\n"));
        assertEquals(List.of(F + ":5:1: error: RemapUsers=keep-id takes a single RemapUid=, not 2; keep only one RemapUid= value"),
                errors("[Container]\nImage=i\nRemapUsers=keep-id\nRemapUid=1\nRemapUid=2\n"));
        assertEquals(List.of(F + ":4:14: error: RemapUidSize=lots is not a number of IDs; write a positive decimal number"),
                errors("[Container]\nImage=i\nRemapUsers=auto\nRemapUidSize=lots\n"));
    }

    @Test
    void exposedPortMustBeAPort() {
        assertEquals(List.of(F + ":3:16: error: ExposeHostPort=http is not a port or port range; "
                        + "write a port or range such as 8080, 8080-8090 or 53/udp"),
                errors("[Container]\nImage=i\nExposeHostPort=http\n"));
    }

    @Test
    void mountErrors() {
        assertEquals(List.of(F + ":3:7: error: Mount=src=/a,dst=/b has no type; start it with type=bind, type=volume, type=tmpfs, ..."),
                errors("[Container]\nImage=i\nMount=src=/a,dst=/b\n"));
        assertEquals(List.of(F + ":3:7: error: Mount=type=bind,destination=/b has no source, which a bind mount needs; add source=<...>"),
                errors("[Container]\nImage=i\nMount=type=bind,destination=/b\n"));
        assertEquals(List.of(F + ":3:7: error: Mount=type=bind,src,dst=/b: 'src' has no value; write src=<source>"),
                errors("[Container]\nImage=i\nMount=type=bind,src,dst=/b\n"));
        assertEquals(List.of(F + ":3:7: error: Mount=type=bind,src=a\"b,dst=/b is not a valid mount: a double quote inside a "
                        + "field that does not start with one; write it as type=<bind|volume|tmpfs|...>,source=<...>,"
                        + "destination=<...>[,options]; quote a field containing commas as \"...\""),
                errors("[Container]\nImage=i\nMount='type=bind,src=a\"b,dst=/b'\n"));
    }

    /** The unit (Quadlet 5.4.2 accepts the file) and the warnings, formatted. */
    private static List<String> warnings(String text) {
        QuadletFiles.Result r = QuadletFiles.container(text);
        assertTrue(r.unit().isPresent(), () -> "expected a unit, got " + r.errors());
        return r.diagnostics().stream().map(dev.berth.spec.Diagnostic::format).toList();
    }

    @Test
    void keyValueItemsWithoutValueAreNotDroppedSilently() {
        String later = " (newer Podman versions keep a bare name, without a value); ";
        assertEquals(List.of(F + ":3:13: warning: Environment= item 'DEBUG' has no '='; Quadlet 5.4.2 drops it, and so "
                        + "does berth" + later + "quote a value that contains blanks "
                        + "(\"NAME=two words\"), or write DEBUG=<value>"),
                warnings("[Container]\nImage=i\nEnvironment=A=1 DEBUG\n"));
        assertEquals(List.of(F + ":3:7: warning: Label= items 'aus', 'Koeln' have no '='; Quadlet 5.4.2 drops them, and "
                        + "so does berth" + later + "quote a value that contains blanks "
                        + "(\"NAME=two words\"), or write aus=<value>"),
                warnings("[Container]\nImage=i\nLabel=greeting=Gruesse aus Koeln\n"));
        assertEquals(List.of(F + ":3:13: warning: Environment= items '#', 'debug' have no '='; Quadlet 5.4.2 drops them, "
                        + "and so does berth" + later + "a comment must be on a line of its "
                        + "own; systemd has no comments at the end of a line"),
                warnings("[Container]\nImage=i\nEnvironment=A=1 # debug\n"));
    }

    @Test
    void anUnknownEscapeIsAWarningAndTheLineIsIgnoredAsQuadletDoes() {
        assertEquals(List.of(F + ":3:16: warning: unknown escape sequence \\. in the value of 'Environment': Quadlet "
                        + "5.4.2 ignores this whole Environment= line, and so does berth; write \\\\. for a literal "
                        + "backslash followed by '.', or . alone for the character"),
                warnings("[Container]\nImage=i\nEnvironment=C=x\\.y D=1\n"));
    }

    @Test
    void emptyDeviceIsAnError() {
        assertEquals(List.of(F + ":3:11: error: AddDevice= has an empty device; name a device such as /dev/fuse"),
                errors("[Container]\nImage=i\nAddDevice=\"\"\n"));
    }

    @Test
    void reloadCmdAndSignalConflict() {
        assertEquals(List.of(F + ":4:1: error: ReloadCmd= and ReloadSignal= cannot both be set; keep only one way to reload the container"),
                errors("[Container]\nImage=i\nReloadCmd=/bin/reload\nReloadSignal=SIGHUP\n"));
    }

    @Test
    void unreadableValuesAreReportedWhereQuadletWouldDropThem() {
        List<String> e = new ArrayList<>(errors("[Container]\nImage=i\nExec=echo \\xZZ\nNoNewPrivileges=maybe\n"));
        Collections.sort(e);
        assertEquals(2, e.size(), e.toString());
        assertTrue(e.get(0).startsWith(F + ":3:11: error: cannot read the value of 'Exec': escape sequence \\xZZ has "
                + "invalid digits"), e.get(0));
        assertTrue(e.get(1).startsWith(F + ":4:17: error: 'NoNewPrivileges' takes a boolean"), e.get(1));
    }

    @Test
    void unitDependencyOnAMissingQuadletFile() {
        List<String> e = errors("[Unit]\nAfter=db.container\n\n[Container]\nImage=i\n");
        assertEquals(List.of(F + ":2:7: error: [Unit] After= names db.container, but there is no such Quadlet file; "
                + "create db.container in one of the unit directories, or fix the name"), e);
    }

    @Test
    void missingContainerSection() {
        QuadletFiles.Result r = QuadletFiles.container("[Unit]\nDescription=x\n");
        assertTrue(r.unit().isEmpty());
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).contains("needs a [Container] section"), r.errors().get(0));
    }

    @Test
    void severalProblemsAreAllReported() {
        List<String> e = errors("[Container]\nGroup=g\nExposeHostPort=x\nPod=p\n");
        assertEquals(4, e.size(), e.toString());
    }
}
