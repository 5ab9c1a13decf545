package textnet.eval;

import java.io.Serializable;
import java.util.function.IntToDoubleFunction;

/**
 * Rows counted by (true class, predicted class), and the rates Spark MLlib's
 * {@code MulticlassMetrics} defines over them, formula for formula, so the numbers are the ones an
 * MLlib user gets (to the last bit for a class's rates; the weighted sums add in class order where
 * MLlib adds in its hash map's order, a few ulps apart). In MLlib a class's counts are doubles; here
 * longs, converted when divided: the same values below 2^53 rows.
 */
public final class ConfusionMatrix implements Serializable {

    /** MLlib's {@code fMeasure(label)} is {@code fMeasure(label, beta = 1.0)}. */
    private static final double BETA_SQUARED = 1.0;

    private final long[][] counts;

    public ConfusionMatrix(int classes) {
        this.counts = new long[classes][classes];
    }

    public int classes() {
        return counts.length;
    }

    void add(int truth, int predicted) {
        counts[truth][predicted]++;
    }

    /** A new matrix with both matrices' counts. */
    public ConfusionMatrix plus(ConfusionMatrix other) {
        ConfusionMatrix sum = new ConfusionMatrix(classes());
        for (int t = 0; t < classes(); t++) {
            for (int p = 0; p < classes(); p++) {
                sum.counts[t][p] = counts[t][p] + other.counts[t][p];
            }
        }
        return sum;
    }

    /** A copy of the counts: rows are true classes, columns predicted ones. */
    public long[][] counts() {
        long[][] copy = new long[classes()][];
        for (int t = 0; t < classes(); t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    /** Rows whose true class is {@code c} (MLlib's {@code labelCountByClass}). */
    public long support(int c) {
        long sum = 0;
        for (long v : counts[c]) {
            sum += v;
        }
        return sum;
    }

    public long total() {
        long sum = 0;
        for (int c = 0; c < classes(); c++) {
            sum += support(c);
        }
        return sum;
    }

    /**
     * Whether {@code c} is one of MLlib's {@code labels}: the classes that occur as a true label (its
     * {@code tpByClass} has a key for every true label only). Its rates are defined for those alone.
     */
    public boolean isLabel(int c) {
        return support(c) > 0;
    }

    /** Whether some row was predicted {@code c}. */
    public boolean isPredicted(int c) {
        for (long[] row : counts) {
            if (row[c] > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * scikit-learn's {@code f1_score(average="macro")}: the mean F1 over the classes that occur as a
     * true label or a prediction ({@code unique_labels(y_true, y_pred)}); a class that is only ever
     * predicted has precision 0 and recall 0 (scikit-learn's {@code zero_division}), so F1 0. MLlib's
     * {@code MulticlassMetrics} would leave such a class out of the mean (a 3-row case: x predicted
     * right once and wrong once as z, y right once: 0.5556 here, 0.8333 over MLlib's labels).
     */
    public double macroFMeasure() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < classes(); c++) {
            if (isLabel(c)) {
                sum += fMeasure(c);
                n++;
            } else if (isPredicted(c)) {
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** MLlib's {@code labels.length}. */
    public int labelCount() {
        int n = 0;
        for (int c = 0; c < classes(); c++) {
            n += isLabel(c) ? 1 : 0;
        }
        return n;
    }

    /** {@code if (tp + fp == 0) 0 else tp / (tp + fp)}; fp counts rows predicted {@code c} that are not. */
    public double precision(int c) {
        double tp = counts[c][c];
        double fp = 0;
        for (int t = 0; t < classes(); t++) {
            fp += t == c ? 0 : counts[t][c];
        }
        return tp + fp == 0 ? 0 : tp / (tp + fp);
    }

    /** {@code tp / labelCountByClass(c)}; defined for labels only (NaN for a class with no rows). */
    public double recall(int c) {
        return (double) counts[c][c] / support(c);
    }

    /** {@code if (p + r == 0) 0 else (1 + beta^2) p r / (beta^2 p + r)} with beta = 1. */
    public double fMeasure(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : (1 + BETA_SQUARED) * p * r / (BETA_SQUARED * p + r);
    }

    /** Sum over labels of {@code recall(c) * count(c) / labelCount} (MLlib's {@code weightedRecall}). */
    public double weightedRecall() {
        return weighted(this::recall);
    }

    /** Sum over labels of {@code precision(c) * count(c) / labelCount}. */
    public double weightedPrecision() {
        return weighted(this::precision);
    }

    /** Sum over labels of {@code fMeasure(c) * count(c) / labelCount} ({@code weightedFMeasure}). */
    public double weightedFMeasure() {
        return weighted(this::fMeasure);
    }

    private double weighted(IntToDoubleFunction rate) {
        double rows = total();
        double sum = 0;
        for (int c = 0; c < classes(); c++) {
            if (isLabel(c)) {
                sum += rate.applyAsDouble(c) * (double) support(c) / rows;
            }
        }
        return sum;
    }
}
