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

    /** Per slot: the token's hash in the high half, 1 + its id in the low half; 0 when empty (one memory read per probe). */
    private long[] slots = new long[1 << 12];
    /** Per slot: the token's first 8 bytes ({@link #pack}). */
    private long[] keys = new long[1 << 12];
    private int[] hashes = new int[1 << 11];
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
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                return add(token, length, hash, key, slot);
            }
            int id = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && keys[slot] == key && (length <= 8 || equalTail(id, token, length))) {
                return id;
            }
        }
    }

    /** The id of the token, or -1 when it was never added. */
    int find(byte[] token, int length, int hash) {
        long key = pack(token, length);
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            int id = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && keys[slot] == key && (length <= 8 || equalTail(id, token, length))) {
                return id;
            }
        }
    }

    /**
     * The first 8 bytes, zero-padded. Token bytes are never 0 (token characters, or UTF-8 of a
     * pattern's tokens, which holds no NUL after splitting on non-token characters... and a NUL is
     * never part of a token the default pattern makes), so for tokens of up to 8 bytes equal keys
     * mean equal tokens.
     */
    private static long pack(byte[] token, int length) {
        long key = 0;
        for (int i = Math.min(length, 8) - 1; i >= 0; i--) {
            key = (key << 8) | (token[i] & 0xffL);
        }
        return key;
    }

    /** A token longer than 8 bytes whose first 8 match: its length and the rest. */
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
            hashes = Arrays.copyOf(hashes, id * 2);
            starts = Arrays.copyOf(starts, id * 2 + 1);
        }
        int start = starts[id];
        if (start + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, start + length));
        }
        System.arraycopy(token, 0, bytes, start, length);
        starts[id + 1] = start + length;
        hashes[id] = hash;
        slots[slot] = entry(hash, id);
        keys[slot] = key;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        slots = new long[slots.length * 2];
        keys = new long[slots.length];
        int mask = slots.length - 1;
        byte[] token = new byte[8];
        for (int id = 0; id < size; id++) {
            int slot = spread(hashes[id]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry(hashes[id], id);
            int length = Math.min(8, starts[id + 1] - starts[id]);
            System.arraycopy(bytes, starts[id], token, 0, length);
            keys[slot] = pack(token, length);
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
