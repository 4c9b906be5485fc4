package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Lines in the shape {@code journalctl -o json} prints (systemd 257): every value a string, numbers included;
 * raw bytes as an array of numbers; a repeated field as an array of values; an oversized field as null.
 */
class JournalRecordTest {

    /** The container's own output, through conmon into the journal. */
    static final String CONTAINER_LINE = "{\"__CURSOR\":\"s=9a1b;i=2f1;b=77e;m=3b9aca0;t=62d1;x=5e\","
            + "\"__REALTIME_TIMESTAMP\":\"1740830400123456\",\"__MONOTONIC_TIMESTAMP\":\"62500000\","
            + "\"_BOOT_ID\":\"77e0c1d2a3b4c5d6e7f8091a2b3c4d5e\",\"PRIORITY\":\"6\",\"_PID\":\"4001\","
            + "\"_COMM\":\"conmon\",\"_SYSTEMD_UNIT\":\"web.service\",\"_SYSTEMD_CGROUP\":\"/system.slice/web.service\","
            + "\"SYSLOG_IDENTIFIER\":\"systemd-web\",\"CONTAINER_NAME\":\"systemd-web\","
            + "\"MESSAGE\":\"httpd: listening on port 80\"}";
    /** systemd (PID 1) about the unit: UNIT= names it, _SYSTEMD_UNIT is init.scope. */
    static final String SYSTEMD_LINE = "{\"__REALTIME_TIMESTAMP\":\"1740830399000000\",\"PRIORITY\":\"3\","
            + "\"_PID\":\"1\",\"_SYSTEMD_UNIT\":\"init.scope\",\"UNIT\":\"web.service\",\"SYSLOG_IDENTIFIER\":"
            + "\"systemd\",\"MESSAGE\":\"web.service: Main process exited, code=exited, status=3/NOTIMPLEMENTED\"}";
    /** Control characters make journalctl print the message as bytes: "hi", ESC [ 0 m, then an invalid byte. */
    static final String BYTES_LINE = "{\"__REALTIME_TIMESTAMP\":\"1740830401000000\",\"PRIORITY\":\"4\","
            + "\"_PID\":\"4001\",\"_SYSTEMD_UNIT\":\"web.service\",\"MESSAGE\":[104,105,27,91,48,109,32,255]}";
    /** A field set twice in one entry: an array of its values. */
    static final String REPEATED_LINE = "{\"__REALTIME_TIMESTAMP\":\"1740830402000000\",\"_SYSTEMD_UNIT\":"
            + "\"web.service\",\"MESSAGE\":[\"first\",\"second\"]}";
    /** A user unit's entry, from the user's manager. */
    static final String USER_LINE = "{\"__REALTIME_TIMESTAMP\":\"1740830403000000\",\"PRIORITY\":\"6\","
            + "\"_PID\":\"812\",\"_SYSTEMD_UNIT\":\"user@1000.service\",\"USER_UNIT\":\"uweb.service\","
            + "\"MESSAGE\":\"Started uweb.service.\"}";
    /** Over journalctl's field threshold without --all. */
    static final String NULL_LINE = "{\"__REALTIME_TIMESTAMP\":\"1740830404000000\",\"_SYSTEMD_UNIT\":"
            + "\"web.service\",\"MESSAGE\":null}";

    private static String text(String line) {
        return JournalRecord.parse(line, "asked.service").orElseThrow().format(ZoneOffset.UTC);
    }

    @Test
    void containerOutputReadsAsTimestampUnitPidMessage() {
        assertEquals("2025-03-01 12:00:00 web.service[4001]: httpd: listening on port 80", text(CONTAINER_LINE));
    }

    @Test
    void systemdsOwnMessagesAreShownUnderTheUnitTheyAreAbout() {
        assertEquals("2025-03-01 11:59:59 web.service[1]: web.service: Main process exited, code=exited, "
                + "status=3/NOTIMPLEMENTED", text(SYSTEMD_LINE));
        assertEquals("2025-03-01 12:00:03 uweb.service[812]: Started uweb.service.", text(USER_LINE));
    }

    @Test
    void byteArrayMessagesAreDecodedAsUtf8() {
        assertEquals("2025-03-01 12:00:01 web.service[4001]: hi\u001b[0m \ufffd", text(BYTES_LINE));
    }

    @Test
    void repeatedAndNullFieldsAndMissingPid() {
        assertEquals("2025-03-01 12:00:02 web.service: second", text(REPEATED_LINE));
        assertEquals("2025-03-01 12:00:04 web.service: ", text(NULL_LINE));
        assertEquals("- asked.service: x", text("{\"MESSAGE\":\"x\"}"));
    }

    @Test
    void linesThatAreNotJsonObjectsAreSkipped() {
        assertEquals(Optional.empty(), JournalRecord.parse("-- No entries --", "u"));
        assertEquals(Optional.empty(), JournalRecord.parse("[1,2]", "u"));
        assertEquals(Optional.empty(), JournalRecord.parse("{\"MESSAGE\":\"cut", "u"));
        assertEquals(Optional.empty(), JournalRecord.parse("", "u"));
    }

    @Test
    void jsonCarriesTheStructuredFields() {
        String json = Json.line(JournalRecord.parse(CONTAINER_LINE, "u").orElseThrow().json());
        assertTrue(json.startsWith("{\"timestamp\":\"2025-03-01T12:00:00.123456Z\",\"unit\":"), json);
        assertTrue(json.contains(",\"pid\":4001,\"priority\":6,\"message\":"), json);
        String bare = Json.line(JournalRecord.parse("{\"MESSAGE\":\"x\"}", "u").orElseThrow().json());
        assertEquals("{\"timestamp\":null,\"unit\":\"u\",\"pid\":null,\"priority\":null,\"message\":\"x\"}", bare);
    }

    @Test
    void theArgumentListIsJournalctlsOwnNeverAShell() {
        Journal system = new Journal((argv, lines) -> new JournalRunner.Exit(0, ""), false);
        assertEquals(List.of("journalctl", "-o", "json", "--all", "--no-pager", "-u", "web.service"),
                system.argv("web.service", java.util.OptionalInt.empty(), false));
        Journal user = new Journal((argv, lines) -> new JournalRunner.Exit(0, ""), true);
        assertEquals(List.of("journalctl", "--user", "-o", "json", "--all", "--no-pager", "-u", "a b;c.service",
                "-n", "5", "-f"), user.argv("a b;c.service", java.util.OptionalInt.of(5), true));
    }
}
