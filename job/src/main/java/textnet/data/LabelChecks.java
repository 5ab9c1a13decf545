package textnet.data;

import textnet.JobException;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Driver-side checks that a table's label column holds class labels, from the counts of one pass over
 * the documents: the same number spelled two ways would be two classes, and a column of mostly unique
 * values (a score, an id, a timestamp) would make one class per row and train nothing useful.
 */
final class LabelChecks {

    /** Below this many classes, many singletons are plausible (a small multi-class set). */
    static final int MIN_CLASSES_FOR_SINGLETON_CHECK = 20;

    private LabelChecks() {
    }

    /** @param column how messages name the label column, e.g. "data.label-column 'label'" */
    static void require(DocCounts counts, String column) {
        requireOneSpellingPerNumber(labelsOfBothSplits(counts), column);
        requireRepeatedLabels(counts, column);
    }

    /**
     * The same checks, of the classes when a label is a set of them ({@link LabelSet}): a class is
     * counted once for each training row whose set holds it.
     */
    static void require(DocCounts counts, String column, boolean multiLabel) {
        if (!multiLabel) {
            require(counts, column);
            return;
        }
        Set<String> classes = new TreeSet<>();
        Map<String, Long> trainRows = new HashMap<>();
        for (Split split : Split.values()) {
            for (String set : counts.labels(split)) {
                for (String c : LabelSet.split(set)) {
                    classes.add(c);
                    if (split == Split.TRAIN) {
                        trainRows.merge(c, counts.count(Split.TRAIN, set), Long::sum);
                    }
                }
            }
        }
        requireOneSpellingPerNumber(classes, column);
        requireRepeated(trainRows, counts.total(Split.TRAIN), column);
    }

    /** "1" and "1.0" in a TSV (or a JSON 1 and "1.0"): refused rather than guessed at. */
    static void requireOneSpellingPerNumber(Set<String> labels, String column) {
        Map<BigDecimal, String> spellingOf = new HashMap<>();
        for (String label : labels) {
            BigDecimal number = LabelText.numberIn(label);
            if (number == null) {
                continue;
            }
            String other = spellingOf.putIfAbsent(number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros(), label);
            if (other != null) {
                throw JobException.input(column + ": the labels '" + OneLine.of(other) + "' and '"
                        + OneLine.of(label) + "' are the same number written two ways, which would be"
                        + " two classes; write each class one way");
            }
        }
    }

    /** At least 20 classes, more than half of them seen in one training row only: not class labels. */
    static void requireRepeatedLabels(DocCounts counts, String column) {
        Map<String, Long> trainRows = new HashMap<>();
        counts.labels(Split.TRAIN).forEach(c -> trainRows.put(c, counts.count(Split.TRAIN, c)));
        requireRepeated(trainRows, counts.total(Split.TRAIN), column);
    }

    /** @param trainRows the training rows of each class seen in training; @param rows all training rows */
    private static void requireRepeated(Map<String, Long> trainRows, long rows, String column) {
        if (trainRows.size() < MIN_CLASSES_FOR_SINGLETON_CHECK) {
            return;
        }
        long once = trainRows.values().stream().filter(n -> n == 1).count();
        if (once * 2 > trainRows.size()) {
            throw JobException.input(String.format(java.util.Locale.ROOT, "%s: %,d distinct labels in %,d training"
                            + " rows, %,d of them seen once: not a column of class labels?", column, trainRows.size(),
                    rows, once));
        }
    }

    private static Set<String> labelsOfBothSplits(DocCounts counts) {
        Set<String> labels = new TreeSet<>(counts.labels(Split.TRAIN));
        labels.addAll(counts.labels(Split.TEST));
        return labels;
    }
}
