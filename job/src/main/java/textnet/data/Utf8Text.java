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

    /**
     * Whether the bytes are well-formed UTF-8, by the rules of Java's decoder (no overlong forms, no
     * surrogates, nothing above U+10FFFF), in one pass without decoding.
     */
    static boolean isValid(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b0 = bytes[i] & 0xff;
            if (b0 < 0x80) {
                i++;
                continue;
            }
            if (b0 < 0xC2 || b0 > 0xF4) {
                return false;
            }
            int size = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
            if (i + size > end) {
                return false;
            }
            int b1 = bytes[i + 1] & 0xff;
            int low = b0 == 0xE0 ? 0xA0 : b0 == 0xF0 ? 0x90 : 0x80;
            int high = b0 == 0xED ? 0x9F : b0 == 0xF4 ? 0x8F : 0xBF;
            if (b1 < low || b1 > high) {
                return false;
            }
            for (int k = 2; k < size; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += size;
        }
        return true;
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
