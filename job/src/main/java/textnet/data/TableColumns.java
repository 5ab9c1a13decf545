package textnet.data;

import textnet.JobException;

import java.io.Serializable;
import java.util.Collection;

/**
 * The columns a table reader keeps: {@code data.text-column}, and {@code data.label-column} (null for
 * predict's unlabelled rows). TSV has no column names: its label is the text before the first tab.
 * {@code multiLabel} ({@code data.labels}): a label is a set of classes, a TSV or CSV field or a string
 * of {@code '|'}-joined names or a list of them in JSONL and Parquet ({@link LabelSet}).
 */
record TableColumns(String text, String label, boolean multiLabel) implements Serializable {

    /** One class per row. */
    TableColumns(String text, String label) {
        this(text, label, false);
    }

    boolean labelled() {
        return label != null;
    }

    /** Refuses a table without the text or the label column, listing the columns it has. */
    void requireIn(String file, Collection<String> found) {
        require(file, found, "data.text-column", text);
        if (labelled()) {
            require(file, found, "data.label-column", label);
        }
    }

    private static void require(String file, Collection<String> found, String key, String name) {
        if (!found.contains(name)) {
            throw JobException.input(file + ": no column '" + name + "' (" + key + "); columns found: "
                    + (found.isEmpty() ? "none" : OneLine.of(String.join(", ", found))));
        }
    }

    /**
     * The label a row spells as text: itself (one class), or in multi-label mode the set its
     * {@code '|'}-joined names make, normalized ({@link LabelSet#normalize}; {@code where} names the row).
     */
    String labelOf(String spelled, java.util.function.Supplier<String> where) {
        return multiLabel ? LabelSet.normalize(spelled, where) : spelled;
    }

    /** "FILE line 4: column 'tags' (data.label-column) holds an array; a list of labels needs data.labels: multi" */
    JobException listNeedsMulti(String where, String holds) {
        return JobException.input(where + ": column '" + label + "' (data.label-column) holds " + holds
                + "; a list of labels needs data.labels: multi");
    }

    /** "FILE line 4: no value in column 'label'": a row without a label cannot be trained on. */
    JobException noLabel(String file, String where) {
        return JobException.input(file + " " + where + ": no value in column '" + label + "'");
    }
}
