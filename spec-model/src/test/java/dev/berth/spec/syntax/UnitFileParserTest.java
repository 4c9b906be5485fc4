package dev.berth.spec.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnitFileParserTest {

    private static ParsedUnitFile parse(String text) {
        return UnitFileParser.parse("/etc/containers/systemd/web.container", text);
    }

    static Stream<String> canonicalFiles() {
        return Stream.of(
                "[Container]\nImage=localhost/busybox\n",
                "# leading comment\n; another\n[Unit]\nDescription=web server\n\n[Container]\nImage=x\nExec=httpd -f -p 80\n",
                "[Container]\nImage=x\n# trailing comment in section\n\n",
                "[Unit]\nAfter=\nAfter=db.service\n\n# about the container\n[Container]\nPublishPort=8080:80\nPublishPort=8443:443\n\n[Install]\nWantedBy=multi-user.target\n",
                "# only comments\n# here\n",
                "[Container]\nEnvironment=\"A=b c\" D=e\\x20f\nLabel=a=b\n",
                "[Service]\nExecStartPre=/bin/sh -c \"echo $HOME %h\"\n");
    }

    @ParameterizedTest
    @MethodSource("canonicalFiles")
    void printOfParseIsIdentityForCanonicalFiles(String text) {
        ParsedUnitFile parsed = parse(text);
        assertFalse(parsed.hasErrors(), () -> parsed.diagnostics().toString());
        assertEquals(text, UnitFilePrinter.print(parsed.file()));
    }

    @Test
    void everyEntryKnowsWhereKeyAndValueStart() {
        ParsedUnitFile p = parse("[Container]\n  Image =  localhost/busybox\nExec=sleep 1\n");
        Entry image = p.file().sections().get(0).entries().get(0);
        assertEquals("Image", image.key());
        assertEquals("localhost/busybox", image.value());
        assertEquals(new Position("/etc/containers/systemd/web.container", 2, 3), image.position());
        assertEquals(12, image.valuePosition().column());
        Entry exec = p.file().sections().get(0).entries().get(1);
        assertEquals(3, exec.position().line());
        assertEquals(6, exec.valuePosition().column());
        assertEquals(new Position("/etc/containers/systemd/web.container", 1, 1), p.file().sections().get(0).position());
    }

    @Test
    void continuationJoinsLinesWithOneBlankAndSkipsComments() {
        ParsedUnitFile p = parse("[Container]\nExec=sh -c \\\n  # a comment inside\n  \"echo hi\"\nPodmanArgs=--a\\\n--b\n");
        List<Entry> e = p.file().sections().get(0).entries();
        assertEquals("sh -c \"echo hi\"", e.get(0).value());
        assertEquals(2, e.get(0).position().line());
        // systemd turns the backslash into a word break; Quadlet would glue "--a--b".
        assertEquals("--a --b", e.get(1).value());
        assertFalse(p.hasErrors());
        assertTrue(p.diagnostics().isEmpty());
    }

    @Test
    void anEscapedBackslashAtTheEndIsNotAContinuation() {
        ParsedUnitFile p = parse("[Container]\nA=x\\\\\nB=y\n");
        List<Entry> e = p.file().sections().get(0).entries();
        assertEquals(2, e.size());
        assertEquals("x\\\\", e.get(0).value());
    }

    @Test
    void pendingContinuationAtEndOfFileKeepsTheTextAndWarns() {
        ParsedUnitFile p = parse("[Container]\nImage=x\nExec=sleep \\\n# only a comment follows\n");
        Entry exec = p.file().sections().get(0).entries().get(1);
        assertEquals("sleep", exec.value());
        assertEquals(1, p.diagnostics().size());
        Diagnostic d = p.diagnostics().get(0);
        assertEquals(Severity.WARNING, d.severity());
        assertEquals(3, d.position().line());
        assertTrue(d.message().contains("continuation"));
    }

    @Test
    void repeatedSectionsStayApartInSyntaxAndMergeInTheModel() {
        ParsedUnitFile p = parse("[Container]\nImage=x\n[Service]\nRestart=always\n[Container]\nExec=sleep 1\n");
        assertEquals(3, p.file().sections().size());
        UnitFile merged = p.file().merged();
        assertEquals(2, merged.sections().size());
        assertEquals(List.of("Image", "Exec"), merged.sections().get(0).entries().stream().map(Entry::key).toList());
    }

    @Test
    void keyOutsideASectionIsAnErrorWithAFix() {
        ParsedUnitFile p = parse("Image=x\n[Container]\nImage=y\n");
        assertTrue(p.hasErrors());
        Diagnostic d = p.diagnostics().get(0);
        assertEquals(1, d.position().line());
        assertTrue(d.message().contains("outside of any section"), d.message());
        assertTrue(d.fix().orElseThrow().contains("[Container]"));
        // The rest of the file is still read.
        assertEquals("y", p.file().sections().get(0).entries().get(0).value());
    }

    @Test
    void everyMalformedLineIsReportedNotJustTheFirst() {
        ParsedUnitFile p = parse("[Container]\nImage x\n=novalue\n[Broken\nImage=y\n");
        List<Integer> lines = p.diagnostics().stream().map(d -> d.position().line()).toList();
        assertEquals(List.of(2, 3, 4), lines);
        assertTrue(p.diagnostics().stream().allMatch(Diagnostic::isError));
    }

    @Test
    void invalidUtf8IsRejectedWithThePositionOfTheBadByte() {
        byte[] bytes = "[Container]\nImage=caf\u00e9\nLabel=a\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        ParsedUnitFile p = UnitFileParser.parse("/x/bad.container", bytes);
        assertTrue(p.hasErrors());
        Diagnostic d = p.diagnostics().get(0);
        assertEquals(new Position("/x/bad.container", 2, 10), d.position());
        assertTrue(d.message().contains("UTF-8"));
    }

    @Test
    void binaryGarbageIsRejectedWithoutAnException() {
        byte[] garbage = new byte[256];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 37);
        }
        ParsedUnitFile p = UnitFileParser.parse("/x/garbage.container", garbage);
        assertTrue(p.hasErrors());
        assertTrue(p.file().sections().isEmpty());
    }

    @Test
    void nulBytesAreRejected() {
        ParsedUnitFile p = parse("[Container]\nImage=x\0y\n");
        assertTrue(p.hasErrors());
        assertEquals(2, p.diagnostics().get(0).position().line());
    }

    @Test
    void invalidSectionNameIsAnError() {
        ParsedUnitFile p = parse("[]\nA=b\n");
        assertTrue(p.hasErrors());
        assertEquals(1, p.diagnostics().get(0).position().line());
    }

    @Test
    void specifiersAndVariablesStayVerbatim() {
        ParsedUnitFile p = parse("[Container]\nVolume=%h/data:/data\nEnvironment=HOME=$HOME\n");
        List<Entry> e = p.file().sections().get(0).entries();
        assertEquals("%h/data:/data", e.get(0).value());
        assertEquals("HOME=$HOME", e.get(1).value());
    }

    @Test
    void emptyAssignmentIsKeptAsAnEmptyValue() {
        ParsedUnitFile p = parse("[Unit]\nAfter=\n");
        assertTrue(p.file().sections().get(0).entries().get(0).isEmptyAssignment());
    }

    @Test
    void crlfLineEndingsAreTolerated() {
        ParsedUnitFile p = parse("[Container]\r\nImage=x\r\n");
        assertFalse(p.hasErrors());
        assertEquals("x", p.file().sections().get(0).entries().get(0).value());
    }
}
