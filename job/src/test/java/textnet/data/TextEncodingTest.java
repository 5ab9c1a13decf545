package textnet.data;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which first bytes of a table file are refused as not UTF-8, and what the message says to do. */
class TextEncodingTest {

    private static final String TSV = "label\ttext\nyes\tcaf\u00e9 cr\u00e8me, a fine film\nno\tdull\n";

    private static String problem(byte[] head, boolean wholeFile) {
        return TextEncoding.problem(head, head.length, wholeFile, "in.tsv");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void utf8WithOrWithoutItsByteOrderMarkIsFine() {
        assertNull(problem(TSV.getBytes(StandardCharsets.UTF_8), true));
        assertNull(problem(concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TSV.getBytes(StandardCharsets.UTF_8)), true));
        assertNull(problem("plain ascii\n".getBytes(StandardCharsets.US_ASCII), true));
    }

    @Test
    void byteOrderMarksOfUtf16And32AreNamed() {
        assertEquals("is UTF-16LE text (byte-order mark); textnet reads UTF-8: convert it, e.g. iconv -f UTF-16LE -t UTF-8"
                + " in.tsv > in.tsv.utf8", problem(concat(new byte[]{(byte) 0xFF, (byte) 0xFE},
                TSV.getBytes(StandardCharsets.UTF_16LE)), true));
        assertTrue(problem(TSV.getBytes(StandardCharsets.UTF_16), true).startsWith("is UTF-16BE text (byte-order mark)"));
        Charset utf32le = Charset.forName("UTF-32LE");
        assertTrue(problem(concat(new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 0}, TSV.getBytes(utf32le)), true)
                .startsWith("is UTF-32LE text (byte-order mark)"));
        assertTrue(problem(concat(new byte[]{0, 0, (byte) 0xFE, (byte) 0xFF}, TSV.getBytes(Charset.forName("UTF-32BE"))), true)
                .startsWith("is UTF-32BE text (byte-order mark)"));
    }

    @Test
    void utf16WithoutAByteOrderMarkIsToldByItsNulBytes() {
        assertEquals("is UTF-16LE text (no byte-order mark; it has a NUL byte in every other position); textnet reads"
                + " UTF-8: convert it, e.g. iconv -f UTF-16LE -t UTF-8 in.tsv > in.tsv.utf8",
                problem(TSV.getBytes(StandardCharsets.UTF_16LE), true));
        assertTrue(problem(TSV.getBytes(StandardCharsets.UTF_16BE), true).startsWith("is UTF-16BE text (no byte-order mark"));
        assertTrue(problem(TSV.getBytes(Charset.forName("UTF-32LE")), true).startsWith("is UTF-32LE text (no byte-order mark"));
    }

    @Test
    void latin1IsNamedWithTheLineOfItsFirstAccentedLetter() {
        assertEquals("is Latin-1 or Windows-1252 text, not UTF-8 (line 2 has the byte 0xE9, which UTF-8 does not allow"
                + " there); textnet reads UTF-8: convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 in.tsv > in.tsv.utf8",
                problem(TSV.getBytes(StandardCharsets.ISO_8859_1), true));
    }

    /** UTF-8 with a damaged byte after real multi-byte characters: read, the row repaired and counted. */
    @Test
    void damagedUtf8IsLeftToTheReaders() {
        byte[] damaged = TSV.getBytes(StandardCharsets.UTF_8);
        damaged[damaged.length - 3] = (byte) 0xFF;
        assertNull(problem(damaged, true));
    }

    /** A character cut at the end of the head is continued in the rest of the file: not an error. */
    @Test
    void aCharacterCutByTheEndOfTheHeadIsNotAnError() {
        byte[] utf8 = "ok \u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(utf8, utf8.length - 1);
        assertNull(problem(cut, false));
        assertTrue(problem(cut, true).contains("not UTF-8"));
    }

    @Test
    void compressedOrParquetFilesAreNamed() {
        assertTrue(problem(new byte[]{0x1F, (byte) 0x8B, 8, 0, 0, 0}, true).startsWith("is gzip-compressed"));
        assertEquals("is a Parquet file, not text: set data.format=parquet",
                problem("PAR1\u0015\u0000".getBytes(StandardCharsets.ISO_8859_1), true));
    }
}
