package textnet.data;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 decoding that never fails: malformed bytes become U+FFFD, and the caller learns it happened. */
final class Utf8Text {

    record Decoded(String text, boolean repaired) {
    }

    private Utf8Text() {
    }

    static Decoded decode(byte[] bytes) {
        try {
            // A strict pass first: it is the only way the JDK tells us whether replacement happened.
            String strict = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new Decoded(strict, false);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, StandardCharsets.UTF_8), true);
        }
    }
}
