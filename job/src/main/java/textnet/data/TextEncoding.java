package textnet.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells from a text file's first bytes whether it is UTF-8, on the driver before any task reads it.
 * textnet reads UTF-8 only: read as UTF-8, a UTF-16 file gives column names full of NUL characters and
 * a Latin-1 file a U+FFFD for every accented letter, so such files are refused with the command that
 * converts them. A UTF-8 file with a few damaged bytes is read (they become U+FFFD, counted in a note).
 */
final class TextEncoding {

    /** How much of a file is looked at. */
    static final int HEAD_BYTES = 1 << 16;
    /** How much of the head the NUL-pattern test for BOM-less UTF-16/32 looks at. */
    private static final int NUL_SAMPLE = 4096;

    private TextEncoding() {
    }

    /**
     * Null when the head reads as UTF-8 (a UTF-8 byte-order mark included, which the readers skip);
     * otherwise what the file is and how to convert it, to follow "FILE " in a message.
     *
     * @param wholeFile whether {@code head} is the whole file (a multi-byte character cut off at its
     *                  end is then malformed, not merely continued beyond the head)
     */
    static String problem(byte[] head, int length, boolean wholeFile, String file) {
        String bom = byteOrderMark(head, length);
        if (bom != null) {
            return bom.equals("UTF-8") ? null : notUtf8(bom + " text (byte-order mark)", bom, file);
        }
        // binary files first: their headers hold NUL bytes that could pass for UTF-16
        if (starts(head, length, 0x1F, 0x8B, 0x08)) {
            return "is gzip-compressed, but its name does not end in .gz: rename it (compressed files are"
                    + " decompressed by their name's ending: .gz, .bz2, ...)";
        }
        if (starts(head, length, 'P', 'A', 'R', '1')) {
            return "is a Parquet file, not text: set data.format=parquet";
        }
        String wide = nulPattern(head, length);
        if (wide != null) {
            return notUtf8(wide + " text (no byte-order mark; it has a NUL byte in every "
                    + (wide.startsWith("UTF-16") ? "other" : "fourth") + " position)", wide, file);
        }
        return legacyEightBit(head, length, wholeFile, file);
    }

    private static String byteOrderMark(byte[] b, int n) {
        if (starts(b, n, 0xEF, 0xBB, 0xBF)) {
            return "UTF-8";
        }
        if (starts(b, n, 0xFF, 0xFE, 0x00, 0x00)) { // before UTF-16LE, whose mark it begins with
            return "UTF-32LE";
        }
        if (starts(b, n, 0x00, 0x00, 0xFE, 0xFF)) {
            return "UTF-32BE";
        }
        if (starts(b, n, 0xFF, 0xFE)) {
            return "UTF-16LE";
        }
        if (starts(b, n, 0xFE, 0xFF)) {
            return "UTF-16BE";
        }
        return null;
    }

    private static boolean starts(byte[] b, int n, int... prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * UTF-16 or UTF-32 without a byte-order mark: mostly-ASCII text in them has a zero byte beside
     * every character, always on the same side. UTF-8 text has none (a NUL character is rare).
     */
    private static String nulPattern(byte[] b, int n) {
        int sample = Math.min(n, NUL_SAMPLE) & ~3;
        if (sample < 4) {
            return null;
        }
        int[] zeros = new int[4];
        for (int i = 0; i < sample; i++) {
            if (b[i] == 0) {
                zeros[i & 3]++;
            }
        }
        double quarter = sample / 4.0;
        double[] z = {zeros[0] / quarter, zeros[1] / quarter, zeros[2] / quarter, zeros[3] / quarter};
        if (z[2] > 0.9 && z[3] > 0.9 && z[0] < 0.1) {
            return "UTF-32LE";
        }
        if (z[0] > 0.9 && z[1] > 0.9 && z[3] < 0.1) {
            return "UTF-32BE";
        }
        double even = (z[0] + z[2]) / 2;
        double odd = (z[1] + z[3]) / 2;
        if (odd > 0.3 && even < 0.05) {
            return "UTF-16LE";
        }
        if (even > 0.3 && odd < 0.05) {
            return "UTF-16BE";
        }
        return null;
    }

    /**
     * Bytes that are not UTF-8, with no UTF-8 character beyond ASCII before them: what Latin-1 or
     * Windows-1252 text looks like ("caf\xE9"). Damage in a file that is otherwise UTF-8 (it has
     * multi-byte characters before the bad byte) is left to the readers, which replace it per row.
     */
    private static String legacyEightBit(byte[] head, int length, boolean wholeFile, String file) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = strict.decode(in, out, wholeFile);
        if (!result.isError()) {
            return null;
        }
        out.flip();
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) > 0x7F) {
                return null; // UTF-8 with a damaged byte, not another encoding
            }
        }
        int at = in.position();
        long line = 1;
        for (int i = 0; i < at; i++) {
            line += head[i] == '\n' ? 1 : 0;
        }
        return notUtf8(String.format(Locale.ROOT, "Latin-1 or Windows-1252 text, not UTF-8 (line %d has the byte 0x%02X,"
                + " which UTF-8 does not allow there)", line, head[at] & 0xFF), "WINDOWS-1252", file);
    }

    private static String notUtf8(String what, String iconvName, String file) {
        return "is " + what + "; textnet reads UTF-8: convert it, e.g. iconv -f " + iconvName + " -t UTF-8 "
                + file + " > " + file + ".utf8";
    }
}
