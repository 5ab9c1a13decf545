package textnet.eval;

/**
 * ROC-AUC and PR-AUC from a {@link ScoreHistogram}, with Spark MLlib's definitions
 * ({@code BinaryClassificationMetrics.areaUnderROC/areaUnderPR}) applied to bins instead of distinct
 * scores: the curves have one point per occupied bin, from the highest bin down, each point counting
 * every row at or above it as predicted positive. Rows sharing a bin are therefore tied, as rows with
 * equal scores are in MLlib. Both walk the bins in one fixed order, so they depend only on the
 * histogram, which does not depend on partitioning or merge order.
 */
public final class AreaUnderCurves {

    private AreaUnderCurves() {
    }

    /**
     * The trapezoids under MLlib's ROC curve ((0,0), (FPR, TPR) per threshold, (1,1)) add up to the
     * Mann-Whitney count: (pairs with the positive in a higher bin + 1/2 pairs sharing a bin) / (P N).
     * Counted in longs and divided once, so the result is exact up to that one rounding (while P N is
     * below 2^52, where the conversions to double are exact; the longs overflow, loudly, near
     * P N = 2^62). NaN without positives or without negatives (MLlib's curve degenerates; scikit-learn
     * refuses).
     */
    public static double rocAuc(ScoreHistogram h) {
        long p = h.totalPositives();
        long n = h.totalNegatives();
        long twicePairs = 0; // 2 x (pairs ranked right) + (pairs tied in a bin)
        long positivesAbove = 0;
        for (int i = h.size() - 1; i >= 0; i--) {
            long samePlusTwiceAbove = Math.addExact(Math.multiplyExact(2, positivesAbove), h.positives(i));
            twicePairs = Math.addExact(twicePairs, Math.multiplyExact(h.negatives(i), samePlusTwiceAbove));
            positivesAbove += h.positives(i);
        }
        return p == 0 || n == 0 ? Double.NaN : twicePairs / (2.0 * p * n);
    }

    /**
     * How far {@link #rocAuc} can be from the AUC of the unbinned scores: only the order of a positive
     * and a negative in the same bin is unknown, and counting it as a tie is off by at most 1/2 per
     * such pair: sum over bins of pos_b neg_b / (2 P N). Zero when no bin holds both classes.
     */
    public static double rocAucMaxError(ScoreHistogram h) {
        long p = h.totalPositives();
        long n = h.totalNegatives();
        long sharedPairs = 0;
        for (int i = 0; i < h.size(); i++) {
            sharedPairs = Math.addExact(sharedPairs, Math.multiplyExact(h.positives(i), h.negatives(i)));
        }
        return p == 0 || n == 0 ? Double.NaN : sharedPairs / (2.0 * p * n);
    }

    /**
     * Trapezoids over MLlib's PR curve, (recall, precision) per threshold from the highest down,
     * prefixed with (0, precision at the highest threshold) (Spark 4's {@code pr()}; the area of each
     * trapezoid as its {@code AreaUnderCurve}: (x2 - x1) (y2 + y1) / 2). Recall is TP / P; precision
     * TP / (TP + FP). NaN without positives (recall is undefined).
     */
    public static double prAuc(ScoreHistogram h) {
        long p = h.totalPositives();
        if (p == 0) {
            return Double.NaN;
        }
        double area = 0;
        double recallBefore = 0;
        double precisionBefore = Double.NaN;
        long truePositives = 0;
        long falsePositives = 0;
        for (int i = h.size() - 1; i >= 0; i--) {
            truePositives += h.positives(i);
            falsePositives += h.negatives(i);
            double recall = (double) truePositives / p;
            double precision = (double) truePositives / (truePositives + falsePositives);
            if (i == h.size() - 1) {
                precisionBefore = precision;
            }
            area += (recall - recallBefore) * (precision + precisionBefore) / 2.0;
            recallBefore = recall;
            precisionBefore = precision;
        }
        return area;
    }
}
