package textnet.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Gives each distinct token a dense id (0, 1, 2, ... in order of first sight), looking tokens up as
 * UTF-8 bytes: no String is made for a token already seen, and the bytes of all tokens live in one
 * array. Open addressing with linear probing over a power-of-two table; the caller hashes the token
 * ({@link #hash}), which the tokenizer does as it reads the bytes. Each slot also keeps the token's
 * first 8 bytes packed in a long, so most lookups (English words are short) compare one long and
 * never touch the bytes: this lookup runs once per token of every document, twice a run.
 */
final class ByteTokenTable {

    /**
     * Two longs per slot, side by side so that a probe reads one cache line: the token's hash in the
     * high half and 1 + its id in the low half (0 when empty), then the token's first 8 bytes ({@link #pack}).
     */
    private long[] slots = new long[2 << 12];
    private int[] starts = new int[(1 << 11) + 1];
    private byte[] bytes = new byte[1 << 14];
    private int size;

    static int hash(byte[] token, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + token[i];
        }
        return h;
    }

    int size() {
        return size;
    }

    /** Token {@code id} as text. */
    String token(int id) {
        return new String(bytes, starts[id], starts[id + 1] - starts[id], StandardCharsets.UTF_8);
    }

    /** The id of the token, added when new. */
    int idOf(byte[] token, int length, int hash) {
        long key = pack(token, length);
        int mask = (slots.length >> 1) - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[2 * slot];
            if (entry == 0) {
                return add(token, length, hash, key, slot);
            }
            int id = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && slots[2 * slot + 1] == key && (length < 8 || equalTail(id, token, length))) {
                return id;
            }
        }
    }

    /** The id of the token, or -1 when it was never added. */
    int find(byte[] token, int length, int hash) {
        long key = pack(token, length);
        int mask = (slots.length >> 1) - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[2 * slot];
            if (entry == 0) {
                return -1;
            }
            int id = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && slots[2 * slot + 1] == key && (length < 8 || equalTail(id, token, length))) {
                return id;
            }
        }
    }

    /**
     * The first 8 bytes, zero-padded. Token bytes are never 0 (token characters, or UTF-8 of a
     * pattern's tokens, which holds no NUL after splitting on non-token characters... and a NUL is
     * never part of a token the default pattern makes), so for tokens shorter than 8 bytes equal keys
     * mean equal tokens. A token of exactly 8 bytes shares its key with every longer token that starts
     * with it, so its length decides too ({@link #equalTail}): trusting the key there gave such a pair
     * one id whenever their 32-bit hashes also collided.
     */
    private static long pack(byte[] token, int length) {
        long key = 0;
        for (int i = Math.min(length, 8) - 1; i >= 0; i--) {
            key = (key << 8) | (token[i] & 0xffL);
        }
        return key;
    }

    /** A token of 8 bytes or more whose first 8 match: its length and the rest. */
    private boolean equalTail(int id, byte[] token, int length) {
        int start = starts[id];
        if (starts[id + 1] - start != length) {
            return false;
        }
        for (int i = 8; i < length; i++) {
            if (bytes[start + i] != token[i]) {
                return false;
            }
        }
        return true;
    }

    private int add(byte[] token, int length, int hash, long key, int slot) {
        int id = size++;
        if (id + 1 == starts.length) {
            starts = Arrays.copyOf(starts, id * 2 + 1);
        }
        int start = starts[id];
        if (start + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, start + length));
        }
        System.arraycopy(token, 0, bytes, start, length);
        starts[id + 1] = start + length;
        slots[2 * slot] = entry(hash, id);
        slots[2 * slot + 1] = key;
        if (size * 4 > slots.length) { // over half the slots taken
            rehash();
        }
        return id;
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = (slots.length >> 1) - 1;
        for (int s = 0; s < old.length; s += 2) {
            if (old[s] == 0) {
                continue;
            }
            int slot = spread((int) (old[s] >>> 32)) & mask;
            while (slots[2 * slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[2 * slot] = old[s];
            slots[2 * slot + 1] = old[s + 1];
        }
    }

    private static long entry(int hash, int id) {
        return ((long) hash << 32) | (id + 1L);
    }

    /** Hashes of short tokens differ mostly in their low bits: mix every bit into the ones the mask keeps. */
    private static int spread(int h) {
        int x = h * 0x9E3779B1;
        return x ^ (x >>> 15);
    }
}
