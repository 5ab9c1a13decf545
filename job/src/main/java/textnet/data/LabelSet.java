package textnet.data;

import textnet.JobException;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * How a multi-label document's classes travel as its one label string: sorted, distinct, joined by
 * {@code '|'} (a TSV or CSV field's own form; list columns of JSONL and Parquet and Reuters' topics
 * are joined into it). The empty string is the empty set. A class name may not contain the separator.
 */
public final class LabelSet {

    public static final char SEPARATOR = '|';

    private LabelSet() {
    }

    /** The label string of a set of class names ({@code where} names the row in the error). */
    public static String join(Collection<String> classes, String where) {
        return join(classes, () -> where);
    }

    /** {@link #join(Collection, String)}, naming the row only if there is an error to report. */
    public static String join(Collection<String> classes, Supplier<String> where) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String c : classes) {
            sorted.add(checked(c, where));
        }
        return String.join(String.valueOf(SEPARATOR), sorted);
    }

    /** The class names of a label string as a file spells it (order and repeats allowed, blanks around names trimmed). */
    public static String normalize(String field, Supplier<String> where) {
        return join(split(field), where);
    }

    /** The class names of a label string, in its order; the empty string has none. */
    public static List<String> split(String label) {
        if (label.isEmpty()) {
            return List.of();
        }
        return List.of(label.split("\\" + SEPARATOR, -1)).stream().map(String::strip).toList();
    }

    private static String checked(String name, Supplier<String> where) {
        if (name.isEmpty()) {
            throw JobException.input(where.get() + ": an empty class name in a label set (labels are joined by '"
                    + SEPARATOR + "')");
        }
        if (name.indexOf(SEPARATOR) >= 0) {
            throw JobException.input(where.get() + ": class name '" + name + "' contains '" + SEPARATOR
                    + "', which separates the labels of a set");
        }
        return name;
    }
}
