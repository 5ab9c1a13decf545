package textnet.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Gives each distinct token a dense id (0, 1, 2, ... in order of first sight), looking tokens up as
 * UTF-8 bytes: no String is made for a token already seen, and the bytes of all tokens live in one
 * array. Open addressing with linear probing over a power-of-two table; the caller hashes the token
 * ({@link #hash}), which the tokenizer does as it reads the bytes.
 */
final class ByteTokenTable {

    private int[] slots = new int[1 << 12]; // 1 + id, or 0 when empty
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
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (id < 0) {
                return add(token, length, hash, slot);
            }
            if (hashes[id] == hash && equal(id, token, length)) {
                return id;
            }
        }
    }

    /** The id of the token, or -1 when it was never added. */
    int find(byte[] token, int length, int hash) {
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == hash && equal(id, token, length)) {
                return id;
            }
        }
    }

    private boolean equal(int id, byte[] token, int length) {
        int start = starts[id];
        return starts[id + 1] - start == length && Arrays.equals(bytes, start, start + length, token, 0, length);
    }

    private int add(byte[] token, int length, int hash, int slot) {
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
        slots[slot] = id + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = spread(hashes[id]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
    }

    /** Hashes of short tokens differ mostly in their low bits: mix every bit into the ones the mask keeps. */
    private static int spread(int h) {
        int x = h * 0x9E3779B1;
        return x ^ (x >>> 15);
    }
}
