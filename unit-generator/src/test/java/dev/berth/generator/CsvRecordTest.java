package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvRecordTest {

    @Test
    void splitsAtCommas() {
        assertEquals(List.of("type=bind", "src=/a", "dst=/b", ""), CsvRecord.parse("type=bind,src=/a,dst=/b,").fields());
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndNewlines() {
        CsvRecord.Parsed p = CsvRecord.parse("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"");
        assertEquals(Optional.empty(), p.problem());
        assertEquals(List.of("a", "b,c", "say \"hi\"", "x\ny"), p.fields());
    }

    @Test
    void rejectsWhatGoRejects() {
        assertTrue(CsvRecord.parse("a\"b").problem().isPresent());
        assertTrue(CsvRecord.parse("\"open").problem().isPresent());
        assertTrue(CsvRecord.parse("\"a\"b").problem().isPresent());
        assertTrue(CsvRecord.parse("a\nb").problem().isPresent());
        assertTrue(CsvRecord.parse("").problem().isPresent());
        assertTrue(CsvRecord.parse(" \"a\"").problem().isPresent(), "a quote after a blank is a bare quote");
    }

    @Test
    void writesQuotesOnlyWhereGoDoes() {
        assertEquals("type=bind,source=/a,,\"b,c\",\"q\"\"q\",\" lead\",\"\\.\",trail ",
                CsvRecord.write(List.of("type=bind", "source=/a", "", "b,c", "q\"q", " lead", "\\.", "trail ")));
        assertEquals("\"\u00a0nbsp\"", CsvRecord.write(List.of("\u00a0nbsp")));
    }

    @Test
    void roundTrips() {
        List<String> fields = List.of("type=volume", "source=my vol", "x=\"y\"", "a,b");
        assertEquals(fields, CsvRecord.parse(CsvRecord.write(fields)).fields());
    }
}
