package textnet.text;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Gives each distinct token a dense id (0, 1, 2, ... in order of first sight), looking tokens up as
 * ranges of the text they occur in: no String is made for a token already seen. Open addressing
 * with linear probing over a power-of-two table; the hash is String.hashCode's.
 */
final class TokenTable implements Serializable {

    private int[] slots = new int[1 << 12]; // 1 + id, or 0 when empty
    private String[] tokens = new String[1 << 11];
    private int[] hashes = new int[1 << 11];
    private int size;

    int size() {
        return size;
    }

    String token(int id) {
        return tokens[id];
    }

    /** The id of {@code text[start, end)}, or -1 when it was never added. */
    int find(String text, int start, int end) {
        int hash = hash(text, start, end);
        int len = end - start;
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == hash && tokens[id].length() == len && tokens[id].regionMatches(0, text, start, len)) {
                return id;
            }
        }
    }

    private static int hash(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash;
    }

    /** The id of {@code text[start, end)}, added when new. */
    int idOf(String text, int start, int end) {
        int hash = hash(text, start, end);
        int len = end - start;
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (id < 0) {
                return add(text.substring(start, end), hash, slot);
            }
            if (hashes[id] == hash && tokens[id].length() == len && tokens[id].regionMatches(0, text, start, len)) {
                return id;
            }
        }
    }

    private int add(String token, int hash, int slot) {
        int id = size++;
        if (id == tokens.length) {
            tokens = Arrays.copyOf(tokens, id * 2);
            hashes = Arrays.copyOf(hashes, id * 2);
        }
        tokens[id] = token;
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

    /** String hashes of short tokens differ mostly in their low bits: mix every bit into the ones the mask keeps. */
    private static int spread(int h) {
        int x = h * 0x9E3779B1;
        return x ^ (x >>> 15);
    }
}
