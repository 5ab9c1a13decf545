package textnet.text;

import org.junit.jupiter.api.Test;
import textnet.config.VectorizerConfig;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The byte tokenizer gives exactly the String tokenizer's tokens, on any bytes. */
class Utf8TokenizerTest {

    private static List<String> fromBytes(byte[] bytes, boolean lowercase) {
        List<String> tokens = new ArrayList<>();
        new Utf8Tokenizer(lowercase).forEachToken(bytes, 0, bytes.length,
                (t, n, hash) -> {
                    assertEquals(ByteTokenTable.hash(t, n), hash, "the hash of the token's bytes");
                    tokens.add(new String(t, 0, n, StandardCharsets.US_ASCII));
                });
        return tokens;
    }

    private static List<String> fromString(byte[] bytes, boolean lowercase) {
        List<String> tokens = new ArrayList<>();
        new Tokenizer(new VectorizerConfig(10, lowercase, Tokenizer.DEFAULT_PATTERN))
                .forEachToken(new String(bytes, StandardCharsets.UTF_8), tokens::add);
        return tokens;
    }

    private static boolean strictlyValid(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void onlyTwoCodePointsOutsideAsciiLowercaseIntoTokenCharacters() {
        List<Integer> found = new ArrayList<>();
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            String lower = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
            if (lower.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'')) {
                found.add(cp);
            }
        }
        assertEquals(List.of(0x130, 0x212A), found, "the two special cases Utf8Tokenizer knows");
    }

    @Test
    void sameTokensAsTheStringTokenizerOnTextsWithCapitalsAccentsAndSpecialCases() {
        String text = "It's GREAT, isn't it? İstanbul's 3 Kelvin: \u212Aelvin — naïve café 'quoted' résumé x²";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (boolean lowercase : new boolean[] {true, false}) {
            assertEquals(fromString(bytes, lowercase), fromBytes(bytes, lowercase), "lowercase=" + lowercase);
        }
        assertEquals(List.of("it's", "great", "isn't", "it", "i", "stanbul's", "3", "kelvin", "kelvin", "na", "ve",
                "caf", "'quoted'", "r", "sum", "x"), fromBytes(bytes, true));
    }

    @Test
    void sameTokensAndValidityOnRandomBytes() {
        SplittableRandom random = new SplittableRandom(7);
        byte[][] pieces = {"İ".getBytes(StandardCharsets.UTF_8), "\u212A".getBytes(StandardCharsets.UTF_8),
                "é".getBytes(StandardCharsets.UTF_8), "€".getBytes(StandardCharsets.UTF_8),
                "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8), {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x84}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}};
        for (int round = 0; round < 20_000; round++) {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            int parts = random.nextInt(1, 20);
            for (int p = 0; p < parts && buffer.remaining() > 8; p++) {
                int kind = random.nextInt(4);
                if (kind == 0) {
                    buffer.put(pieces[random.nextInt(pieces.length)]);
                } else if (kind == 1) {
                    buffer.put((byte) random.nextInt(256));
                } else {
                    buffer.put((byte) "aZ'9 ,.Qx-"
                            .charAt(random.nextInt(10)));
                }
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            for (boolean lowercase : new boolean[] {true, false}) {
                assertEquals(fromString(bytes, lowercase), fromBytes(bytes, lowercase), () -> "bytes " + java.util.HexFormat.of().formatHex(bytes));
            }
            boolean valid = new Utf8Tokenizer(true).forEachToken(bytes, 0, bytes.length, (t, n, h) -> { });
            assertEquals(strictlyValid(bytes), valid, () -> "validity of " + java.util.HexFormat.of().formatHex(bytes));
        }
    }
}
