package textnet.data;

import textnet.JobException;

import java.io.Serializable;
import java.util.Collection;

/**
 * The columns a table reader keeps: {@code data.text-column}, and {@code data.label-column} (null for
 * predict's unlabelled rows). TSV has no column names: its label is the text before the first tab.
 */
record TableColumns(String text, String label) implements Serializable {

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

    /** "FILE line 4: no value in column 'label'": a row without a label cannot be trained on. */
    JobException noLabel(String file, String where) {
        return JobException.input(file + " " + where + ": no value in column '" + label + "'");
    }
}
