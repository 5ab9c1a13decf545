package textnet.eval;

import textnet.nn.PredictedClass;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Everything the multi-label test metrics ({@link MultiLabelMetrics}) are computed from, in a size
 * that does not grow with the test rows: per class the true positives, false positives and false
 * negatives, the rows whose predicted set is the true set, the wrong (row, class) decisions and the
 * loss as an exact sum. Each partition folds its rows into one ({@link Builder}); {@link #merge} adds
 * two, and since every part is an integer count or an {@link ExactSum}, any merge order or grouping
 * gives the same bits.
 */
public final class MultiLabelSummary implements Serializable {

    private final long rows;
    private final long exactMatches;
    private final long labelErrors;
    private final ExactSum lossSum;
    private final long[] truePositives;
    private final long[] falsePositives;
    private final long[] falseNegatives;

    private MultiLabelSummary(long rows, long exactMatches, long labelErrors, ExactSum lossSum,
                              long[] truePositives, long[] falsePositives, long[] falseNegatives) {
        this.rows = rows;
        this.exactMatches = exactMatches;
        this.labelErrors = labelErrors;
        this.lossSum = lossSum;
        this.truePositives = truePositives;
        this.falsePositives = falsePositives;
        this.falseNegatives = falseNegatives;
    }

    public static MultiLabelSummary empty(int classes) {
        return new MultiLabelSummary(0, 0, 0, new ExactSum(), new long[classes], new long[classes], new long[classes]);
    }

    /** A new summary of both summaries' rows; neither is changed. */
    public MultiLabelSummary merge(MultiLabelSummary other) {
        if (other.classes() != classes()) {
            throw new IllegalArgumentException("cannot merge summaries of " + classes() + " and " + other.classes()
                    + " classes");
        }
        return new MultiLabelSummary(rows + other.rows, exactMatches + other.exactMatches,
                labelErrors + other.labelErrors, lossSum.copy().add(other.lossSum),
                plus(truePositives, other.truePositives), plus(falsePositives, other.falsePositives),
                plus(falseNegatives, other.falseNegatives));
    }

    private static long[] plus(long[] a, long[] b) {
        long[] sum = new long[a.length];
        for (int k = 0; k < a.length; k++) {
            sum[k] = a[k] + b[k];
        }
        return sum;
    }

    public long rows() {
        return rows;
    }

    public int classes() {
        return truePositives.length;
    }

    /** The loss sum over the rows (exact, rounded once) divided by the rows; NaN without rows. */
    public double meanLoss() {
        return lossSum.value() / rows;
    }

    /** Rows where class k is both true and predicted. */
    public long truePositives(int k) {
        return truePositives[k];
    }

    /** Rows where class k is predicted but not true. */
    public long falsePositives(int k) {
        return falsePositives[k];
    }

    /** Rows where class k is true but not predicted. */
    public long falseNegatives(int k) {
        return falseNegatives[k];
    }

    /** Rows whose predicted set of classes equals the true set (two empty sets are equal). */
    public long exactMatches() {
        return exactMatches;
    }

    /** The (row, class) pairs where the prediction differs from the truth: the false positives and negatives. */
    public long labelErrors() {
        return labelErrors;
    }

    /** Folds the scored rows of one partition; {@link #build} gives its summary. */
    public static final class Builder {

        private final int classes;
        private final ExactSum lossSum = new ExactSum();
        private final long[] truePositives;
        private final long[] falsePositives;
        private final long[] falseNegatives;
        private long rows;
        private long exactMatches;
        private long labelErrors;

        public Builder(int classes) {
            this.classes = classes;
            this.truePositives = new long[classes];
            this.falsePositives = new long[classes];
            this.falseNegatives = new long[classes];
        }

        /**
         * One row: {@code trueClasses} its true class indices (ascending, distinct, possibly none),
         * {@code probabilities[offset .. offset + classes)} its per-class probabilities; class k is
         * predicted when its probability is above {@code threshold} (equal is not, nor is NaN: textnet.nn.PredictedClass#inSet).
         */
        public void add(int[] trueClasses, float[] probabilities, int offset, double threshold, double rowLoss) {
            for (int i = 0; i < trueClasses.length; i++) {
                int c = trueClasses[i];
                if (c < 0 || c >= classes || (i > 0 && c <= trueClasses[i - 1])) {
                    throw new IllegalArgumentException("true classes must be ascending, distinct and in [0, "
                            + classes + "): " + Arrays.toString(trueClasses));
                }
            }
            int next = 0; // the next true class in trueClasses
            long errors = 0;
            for (int k = 0; k < classes; k++) {
                boolean truth = next < trueClasses.length && trueClasses[next] == k;
                if (truth) {
                    next++;
                }
                boolean predicted = PredictedClass.inSet(probabilities[offset + k], threshold);
                if (predicted && truth) {
                    truePositives[k]++;
                } else if (predicted) {
                    falsePositives[k]++;
                    errors++;
                } else if (truth) {
                    falseNegatives[k]++;
                    errors++;
                }
            }
            rows++;
            labelErrors += errors;
            exactMatches += errors == 0 ? 1 : 0;
            lossSum.add(rowLoss);
        }

        /** The summary of the rows added so far (later rows do not change it). */
        public MultiLabelSummary build() {
            return new MultiLabelSummary(rows, exactMatches, labelErrors, lossSum.copy(), truePositives.clone(),
                    falsePositives.clone(), falseNegatives.clone());
        }
    }
}
