package textnet.data;

import java.io.Serializable;

/**
 * One row of a table file: its key within the file (where its line starts, in bytes, for a training
 * row of a line-based file; else its number from 0, in file order), its text (as a String, or as the
 * UTF-8 bytes it was read as: then {@code text} is null), its label (null for predict's unlabelled
 * rows) and whether malformed UTF-8 in it was replaced with U+FFFD.
 */
record TableRow(long key, String text, byte[] utf8, String label, boolean repaired) implements Serializable {

    TableRow(long key, String text, String label, boolean repaired) {
        this(key, text, null, label, repaired);
    }

    /** The text as a String, decoded if it was read as bytes. */
    String textString() {
        return text != null ? text : new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }
}
