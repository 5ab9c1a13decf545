package textnet.text;

import textnet.data.LabelSet;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The label sets of a multi-label corpus, numbered (the sorted order of their label strings, see
 * textnet.data.LabelSet). While rows travel (RowChunk) a multi-label row's label is its set's number;
 * its block expands the number into the classes ({@link MultiHotBlock}). The number is transport
 * only: rows, batches and the loss see classes. Single-label corpora have no LabelSets (a row's label
 * is its class).
 */
public final class LabelSets implements Serializable {

    private final Map<String, Integer> numbers = new HashMap<>();
    private final int[][] classes;

    /**
     * @param labels  the label strings of every split, sorted
     * @param index   the classes (of the training split): a class it does not know is refused
     * @param where   names the data in that error
     */
    public LabelSets(List<String> labels, LabelIndex index, String where) {
        this.classes = new int[labels.size()][];
        for (int n = 0; n < labels.size(); n++) {
            String label = labels.get(n);
            numbers.put(label, n);
            classes[n] = LabelSet.split(label).stream().mapToInt(c -> index.indexOf(c, where)).sorted().toArray();
        }
    }

    /** The classes of all the label strings, sorted: a multi-label training split's {@link LabelIndex}. */
    public static List<String> classesOf(java.util.Collection<String> labels) {
        return labels.stream().flatMap(l -> LabelSet.split(l).stream()).distinct().sorted().toList();
    }

    /** The number of a label string (one of those it was made from). */
    public int numberOf(String label) {
        Integer n = numbers.get(label);
        if (n == null) {
            throw new IllegalArgumentException("label set '" + label + "' was not counted");
        }
        return n;
    }

    /** The classes of set {@code number}, sorted (not copied: do not change). */
    int[] classes(int number) {
        return classes[number];
    }

    public int size() {
        return classes.length;
    }
}
