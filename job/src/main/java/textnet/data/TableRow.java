package textnet.data;

import java.io.Serializable;

/**
 * One row of a table file: its number within the file (from 0, in file order: the document's id),
 * its text, its label (null for predict's unlabelled rows) and whether malformed UTF-8 in it was
 * replaced with U+FFFD.
 */
record TableRow(long number, String text, String label, boolean repaired) implements Serializable {
}
