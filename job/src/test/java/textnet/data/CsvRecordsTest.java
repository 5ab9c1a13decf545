package textnet.data;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 4180 parsing with the line each record starts on, and errors naming the line a bad field starts on. */
class CsvRecordsTest {

    /** Each record as "line: field|field|...". */
    private static List<String> records(String csv) throws IOException {
        CsvRecords records = new CsvRecords(new LineReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "in.csv"), "in.csv");
        List<String> out = new ArrayList<>();
        while (records.next()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < records.fieldCount(); i++) {
                fields.add(records.field(i).text());
            }
            out.add(records.line() + ": " + String.join("|", fields));
        }
        return out;
    }

    @Test
    void quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() throws IOException {
        assertEquals(List.of("1: label|text", "2: pos|line one\nline two, still", "4: neg|say \"hi\"", "5: 1|",
                        "8: x|\"|", "9: a \"b\" c|d"),
                records("label,text\npos,\"line one\nline two, still\"\nneg,\"say \"\"hi\"\"\"\n1,\n\n\nx,\"\"\"\",\n"
                        + "a \"b\" c,d"));
    }

    @Test
    void crlfEndsRecordsAndByteOrderMarkIsSkipped() throws IOException {
        assertEquals(List.of("1: label|text", "2: pos|a\nb", "4: neg|"),
                records("\uFEFFlabel,text\r\npos,\"a\r\nb\"\r\nneg,\"\"\r\n"));
    }

    @Test
    void quoteNeverClosedNamesTheLineItOpensOn() {
        String message = Fixtures.inputError(() -> records("label,text\npos,fine\nneg,\"never closed\nyes,next\nno,last\n"));
        assertEquals("in.csv line 3: a quoted field starts on this line and is never closed (a '\"' is missing)", message);
    }

    /** The quote opened on line 3 swallows line 4 until the quote of line 5, which is followed by text. */
    @Test
    void undoubledQuoteNamesTheLineTheFieldStartsOn() {
        String message = Fixtures.inputError(() -> records("label,text\npos,fine\nneg,\"unclosed\nyes,next\nno,\"x\"\n"));
        assertEquals("in.csv line 3: a quoted field starting on this line has a '\"' inside it that is not doubled"
                + " ('\"\"'), or its closing '\"' is missing", message);
        assertTrue(Fixtures.inputError(() -> records("label,text\nneg,\"a \"bad\" one\"\n")).startsWith("in.csv line 2: "));
    }

    @Test
    void malformedUtf8IsRepairedPerField() throws IOException {
        byte[] csv = {'a', ',', 'b', (byte) 0xFF, '\n', 'c', ',', 'd', '\n'};
        CsvRecords records = new CsvRecords(new LineReader(new ByteArrayInputStream(csv), "in.csv"), "in.csv");
        assertTrue(records.next());
        assertEquals(List.of(false, true), List.of(records.field(0).repaired(), records.field(1).repaired()));
        assertEquals("b\uFFFD", records.field(1).text());
        assertTrue(records.next());
        assertEquals(false, records.field(1).repaired());
    }
}
