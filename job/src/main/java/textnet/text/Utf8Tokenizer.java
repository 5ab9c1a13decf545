package textnet.text;

import java.util.Arrays;

/**
 * {@link Tokenizer}'s tokens for the default pattern ({@code [^a-z0-9']+}), read straight from UTF-8
 * bytes: no String is decoded, lowercased or split. A token is a maximal run of the ASCII characters
 * a-z, 0-9 and the apostrophe after lowercasing (Locale.ROOT), so every token is ASCII and arrives
 * as a range of bytes. Only two characters outside ASCII lowercase into token characters
 * (U+0130 'İ' → "i" + U+0307, U+212A KELVIN SIGN → "k"; {@code Utf8TokenizerTest} checks every code
 * point), so everything else outside ASCII separates tokens, as Java's decoder would have it,
 * malformed bytes included (they decode to U+FFFD). Reading tokens this way is several times faster
 * than decoding, lowercasing and scanning a String, and tokenizing is most of vectorizing.
 *
 * <p>Not thread-safe: one per task.
 */
final class Utf8Tokenizer {

    /**
     * Receives a token: bytes {@code [0, length)} of a buffer that is reused for the next token, and
     * their {@link ByteTokenTable#hash}, computed as the bytes were read.
     */
    @FunctionalInterface
    interface TokenConsumer {
        void accept(byte[] token, int length, int hash);
    }

    /** Per byte: the token character it stands for after lowercasing, or 0 when it separates tokens. */
    private final byte[] tokenByte = new byte[256];
    private final boolean lowercase;
    private byte[] token = new byte[64];

    Utf8Tokenizer(boolean lowercase) {
        this.lowercase = lowercase;
        for (int c = 'a'; c <= 'z'; c++) {
            tokenByte[c] = (byte) c;
        }
        for (int c = '0'; c <= '9'; c++) {
            tokenByte[c] = (byte) c;
        }
        tokenByte['\''] = '\'';
        if (lowercase) {
            for (int c = 'A'; c <= 'Z'; c++) {
                tokenByte[c] = (byte) (c + ('a' - 'A'));
            }
        }
    }

    /**
     * Passes every token of {@code bytes[from, to)} to {@code action}, in order.
     *
     * @return whether the bytes were valid UTF-8 (malformed bytes only separate tokens, as U+FFFD would)
     */
    boolean forEachToken(byte[] bytes, int from, int to, TokenConsumer action) {
        // the token's bytes, length and hash live in locals: this loop runs once per byte of every document
        byte[] buf = token;
        int length = 0;
        int hash = 0;
        boolean valid = true;
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                byte t = tokenByte[b];
                if (t != 0) {
                    if (length == buf.length) {
                        buf = token = Arrays.copyOf(buf, length * 2);
                    }
                    buf[length++] = t;
                    hash = 31 * hash + t;
                } else if (length > 0) {
                    action.accept(buf, length, hash);
                    length = 0;
                    hash = 0;
                }
                i++;
                continue;
            }
            int size = sequenceLength(bytes, i, to);
            byte special = 0;
            if (size == 0) {
                valid = false;
                size = 1;
            } else if (lowercase && size == 2 && (b & 0xff) == 0xC4 && (bytes[i + 1] & 0xff) == 0xB0) {
                special = 'i'; // U+0130 lowercases to "i" + U+0307: the i ends a token (or is one), the dot separates
            } else if (lowercase && size == 3 && (b & 0xff) == 0xE2 && (bytes[i + 1] & 0xff) == 0x84
                    && (bytes[i + 2] & 0xff) == 0xAA) {
                special = 'k'; // U+212A KELVIN SIGN lowercases to k
            }
            i += size;
            if (special != 0) {
                if (length == buf.length) {
                    buf = token = Arrays.copyOf(buf, length * 2);
                }
                buf[length++] = special;
                hash = 31 * hash + special;
                if (special == 'k') {
                    continue;
                }
            }
            if (length > 0) {
                action.accept(buf, length, hash);
                length = 0;
                hash = 0;
            }
        }
        if (length > 0) {
            action.accept(buf, length, hash);
        }
        return valid;
    }

    /**
     * The length of the well-formed UTF-8 sequence starting at {@code i} (a non-ASCII lead byte), or 0
     * when it is malformed there: the rules of Java's UTF-8 decoder (no overlong forms, no surrogates,
     * nothing above U+10FFFF; a sequence cut short ends before the byte that broke it).
     */
    private static int sequenceLength(byte[] bytes, int i, int to) {
        int b0 = bytes[i] & 0xff;
        if (b0 < 0xC2 || b0 > 0xF4) {
            return 0;
        }
        int size = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
        if (i + size > to) {
            return 0;
        }
        int b1 = bytes[i + 1] & 0xff;
        int low = 0x80;
        int high = 0xBF;
        if (b0 == 0xE0) {
            low = 0xA0;
        } else if (b0 == 0xED) {
            high = 0x9F;
        } else if (b0 == 0xF0) {
            low = 0x90;
        } else if (b0 == 0xF4) {
            high = 0x8F;
        }
        if (b1 < low || b1 > high) {
            return 0;
        }
        for (int k = 2; k < size; k++) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return size;
    }
}
