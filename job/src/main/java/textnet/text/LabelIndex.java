package textnet.text;

import textnet.JobException;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Class names and their indices: position in the sorted list of training labels (docs/DESIGN.md). */
public final class LabelIndex implements Serializable {

    private final List<String> labels;
    private final Map<String, Integer> index = new HashMap<>();

    public LabelIndex(List<String> sortedLabels) {
        this.labels = List.copyOf(sortedLabels);
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
    }

    public List<String> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    public String label(int index) {
        return labels.get(index);
    }

    /** Unknown labels are refused rather than mapped: a test label training never saw has no output unit. */
    public int indexOf(String label, String where) {
        Integer i = index.get(label);
        if (i == null) {
            throw JobException.input(where + ": label '" + label + "' does not occur in the training split"
                    + " (training labels: " + String.join(", ", labels.size() > 20 ? labels.subList(0, 20) : labels)
                    + (labels.size() > 20 ? ", ..." : "") + ")");
        }
        return i;
    }
}
