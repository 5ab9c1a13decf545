package textnet.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 decoding that never fails: malformed bytes become U+FFFD, and the caller learns it happened. */
final class Utf8Text {

    record Decoded(String text, boolean repaired) {
    }

    private Utf8Text() {
    }

    static Decoded decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * The JDK's fast decoder (it replaces malformed bytes with U+FFFD); only a text that then holds a
     * U+FFFD, rare, is decoded a second time, strictly, to tell a replacement from a U+FFFD that was
     * in the input as valid UTF-8. No exception on any path.
     */
    static Decoded decode(byte[] bytes, int offset, int length) {
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return new Decoded(text, false);
        }
        return new Decoded(text, !isValidStrictly(bytes, offset, length));
    }

    /** Whether the bytes are well-formed UTF-8: a pass over the bytes, and the strict decoder only past ASCII. */
    static boolean isValid(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) {
            return true;
        }
        return isValidStrictly(bytes, offset, length);
    }

    private static boolean isValidStrictly(byte[] bytes, int offset, int length) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(length);
        return !strict.decode(ByteBuffer.wrap(bytes, offset, length), out, true).isError()
                && !strict.flush(out).isError();
    }
}
