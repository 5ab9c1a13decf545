package textnet.text;

import java.io.Serializable;
import java.util.List;

/**
 * Strings as one array of their chars and where each ends: how the vectorizer's intermediate data
 * (tokens, document ids) travel and wait on disk. Java serialization spends an object, a handle and
 * a UTF conversion on each String of an array (a split of a large corpus holds a hundred thousand
 * tokens and tens of thousands of ids, read three times); two primitive arrays are two bulk copies.
 * Chars rather than UTF-8 bytes, so that any String comes back as it was.
 */
record PackedStrings(char[] chars, int[] ends) implements Serializable {

    static PackedStrings of(List<String> strings) {
        int length = 0;
        for (String s : strings) {
            length += s.length();
        }
        char[] chars = new char[length];
        int[] ends = new int[strings.size()];
        int at = 0;
        for (int i = 0; i < ends.length; i++) {
            String s = strings.get(i);
            s.getChars(0, s.length(), chars, at);
            at += s.length();
            ends[i] = at;
        }
        return new PackedStrings(chars, ends);
    }

    static PackedStrings of(String[] strings) {
        return of(java.util.Arrays.asList(strings));
    }

    int size() {
        return ends.length;
    }

    String get(int i) {
        int start = i == 0 ? 0 : ends[i - 1];
        return new String(chars, start, ends[i] - start);
    }

    String[] toArray() {
        String[] strings = new String[ends.length];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = get(i);
        }
        return strings;
    }
}
