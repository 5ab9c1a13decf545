package textnet.eval;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Multi-label metrics from a summary of hand-made rows, against answers worked out by hand. */
class MultiLabelMetricsTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");
    private static final float THRESHOLD = 0.5f;

    /**
     * 5 rows, 3 classes, threshold 0.5 (predicted: p > 0.5):
     * <pre>
     *   row  true    probabilities       predicted  exact  wrong (row, class)
     *   0    {a,b}   0.9   0.6   0.1     {a,b}      yes    0
     *   1    {}      0.7   0.2   0.3     {a}        no     1 (a: fp)
     *   2    {b}     0.1   0.5   0.2     {}         no     1 (b: fn; 0.5 is not above the threshold)
     *   3    {a,c}   0.8   0.9   0.4     {a,b}      no     2 (b: fp, c: fn)
     *   4    {a}     0.55  0.1   0.0     {a}        yes    0
     * </pre>
     * a: tp 3 (rows 0 3 4), fp 1 (row 1), fn 0: P 3/4, R 1, F1 6/7; support 3, predicted 4
     * b: tp 1 (row 0), fp 1 (row 3), fn 1 (row 2): P 1/2, R 1/2, F1 2/4 = 1/2; support 2, predicted 2
     * c: tp 0, fp 0, fn 1 (row 3), never predicted: P 0 (0/0), R 0, F1 0/1 = 0; support 1, predicted 0
     * micro: TP 4, FP 2, FN 2: P 4/6, R 4/6, F1 8/12 = 2/3
     * macro: P (3/4 + 1/2 + 0)/3 = 5/12, R (1 + 1/2 + 0)/3 = 1/2, F1 (6/7 + 1/2 + 0)/3 = 19/42
     * subset accuracy 2/5 (rows 0 and 4); hamming loss 4 wrong of 5 x 3 = 4/15; losses 0.1 .. 0.5: mean 0.3
     *
     * scikit-learn gives the same (with Y and P the indicator matrices of the true and predicted sets):
     * <pre>
     *   import numpy as np
     *   from sklearn.metrics import precision_recall_fscore_support, accuracy_score, hamming_loss
     *   Y = np.array([[1,1,0],[0,0,0],[0,1,0],[1,0,1],[1,0,0]])
     *   P = np.array([[1,1,0],[1,0,0],[0,0,0],[1,1,0],[1,0,0]])
     *   precision_recall_fscore_support(Y, P, average='micro', zero_division=0)  # (2/3, 2/3, 2/3, None)
     *   precision_recall_fscore_support(Y, P, average='macro', zero_division=0)  # (5/12, 1/2, 19/42, None)
     *   precision_recall_fscore_support(Y, P, average=None, zero_division=0)
     *       # ([3/4, 1/2, 0], [1, 1/2, 0], [6/7, 1/2, 0], [3, 2, 1])
     *   accuracy_score(Y, P), hamming_loss(Y, P)  # (0.4, 4/15)
     * </pre>
     */
    private static final int[][] TRUE = {{0, 1}, {}, {1}, {0, 2}, {0}};
    private static final float[] PROBABILITIES = {
            0.9f, 0.6f, 0.1f,
            0.7f, 0.2f, 0.3f,
            0.1f, 0.5f, 0.2f,
            0.8f, 0.9f, 0.4f,
            0.55f, 0.1f, 0.0f};
    private static final double[] LOSSES = {0.1, 0.2, 0.3, 0.4, 0.5};

    /** The fixture's rows {@code from .. to) in one summary. */
    private static MultiLabelSummary summary(int from, int to) {
        MultiLabelSummary.Builder b = new MultiLabelSummary.Builder(3);
        for (int r = from; r < to; r++) {
            b.add(TRUE[r], PROBABILITIES, 3 * r, THRESHOLD, LOSSES[r]);
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> perClass(Map<String, Object> m, String label) {
        return ((Map<String, Map<String, Object>>) m.get("per_class")).get(label);
    }

    @Test
    void handWorkedFixture() {
        MultiLabelSummary s = summary(0, 5);
        assertEquals(5, s.rows());
        assertEquals(3, s.classes());
        assertEquals(2, s.exactMatches());
        assertEquals(4, s.labelErrors());
        long[][] tpFpFn = {{3, 1, 0}, {1, 1, 1}, {0, 0, 1}};
        for (int k = 0; k < 3; k++) {
            assertEquals(tpFpFn[k][0], s.truePositives(k), "tp " + k);
            assertEquals(tpFpFn[k][1], s.falsePositives(k), "fp " + k);
            assertEquals(tpFpFn[k][2], s.falseNegatives(k), "fn " + k);
        }

        Map<String, Object> m = MultiLabelMetrics.of(s, CLASSES, THRESHOLD);
        assertEquals(List.of("accuracy", "loss", "rows", "threshold", "subset_accuracy", "hamming_loss",
                "micro_precision", "micro_recall", "micro_f1", "macro_precision", "macro_recall", "macro_f1",
                "per_class"), List.copyOf(m.keySet()));
        assertEquals(0.4, (Double) m.get("accuracy"), 1e-12);
        assertEquals(0.3, (Double) m.get("loss"), 1e-12);
        assertEquals(5L, m.get("rows"));
        assertEquals(0.5, m.get("threshold"));
        assertEquals(0.4, (Double) m.get("subset_accuracy"), 1e-12);
        assertEquals(4.0 / 15, (Double) m.get("hamming_loss"), 1e-12);
        assertEquals(2.0 / 3, (Double) m.get("micro_precision"), 1e-12);
        assertEquals(2.0 / 3, (Double) m.get("micro_recall"), 1e-12);
        assertEquals(2.0 / 3, (Double) m.get("micro_f1"), 1e-12);
        assertEquals(5.0 / 12, (Double) m.get("macro_precision"), 1e-12);
        assertEquals(0.5, (Double) m.get("macro_recall"), 1e-12);
        assertEquals(19.0 / 42, (Double) m.get("macro_f1"), 1e-12);

        double[][] prf = {{3.0 / 4, 1, 6.0 / 7}, {0.5, 0.5, 0.5}, {0, 0, 0}};
        long[][] supportPredicted = {{3, 4}, {2, 2}, {1, 0}};
        for (int k = 0; k < 3; k++) {
            Map<String, Object> c = perClass(m, CLASSES.get(k));
            assertEquals(List.of("precision", "recall", "f1", "support", "predicted"), List.copyOf(c.keySet()));
            assertEquals(prf[k][0], (Double) c.get("precision"), 1e-12, "precision " + k);
            assertEquals(prf[k][1], (Double) c.get("recall"), 1e-12, "recall " + k);
            assertEquals(prf[k][2], (Double) c.get("f1"), 1e-12, "f1 " + k);
            assertEquals(supportPredicted[k][0], c.get("support"), "support " + k);
            assertEquals(supportPredicted[k][1], c.get("predicted"), "predicted " + k);
        }
    }

    @Test
    void reportLines() {
        Map<String, Object> m = MultiLabelMetrics.of(summary(0, 5), CLASSES, THRESHOLD);
        assertEquals(List.of(
                "Test - loss: 0.3000 - subset_accuracy: 0.4000 - micro_f1: 0.6667 (5 rows)",
                "  micro precision: 0.6667 - recall: 0.6667 - f1: 0.6667 - macro f1: 0.4524 - hamming_loss: 0.2667"
                        + " (threshold 0.5)",
                "  class  precision  recall      f1  support",
                "  a         0.7500  1.0000  0.8571        3",
                "  b         0.5000  0.5000  0.5000        2",
                "  c         0.0000  0.0000  0.0000        1"), MultiLabelMetrics.report(m, CLASSES));
        assertEquals(MultiLabelMetrics.summary(m), MultiLabelMetrics.report(m, CLASSES).get(0));
    }

    /** Every accessor and the metrics; Double.equals in the map compares bits. */
    private static void assertSameSummary(MultiLabelSummary expected, MultiLabelSummary actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.classes(), actual.classes());
        assertEquals(Double.doubleToRawLongBits(expected.meanLoss()), Double.doubleToRawLongBits(actual.meanLoss()));
        assertEquals(expected.exactMatches(), actual.exactMatches());
        assertEquals(expected.labelErrors(), actual.labelErrors());
        for (int k = 0; k < expected.classes(); k++) {
            assertEquals(expected.truePositives(k), actual.truePositives(k));
            assertEquals(expected.falsePositives(k), actual.falsePositives(k));
            assertEquals(expected.falseNegatives(k), actual.falseNegatives(k));
        }
        assertEquals(MultiLabelMetrics.of(expected, CLASSES, THRESHOLD), MultiLabelMetrics.of(actual, CLASSES, THRESHOLD));
    }

    @Test
    void mergeOfASplitEqualsOneBuilderOverAllRows() {
        MultiLabelSummary all = summary(0, 5);
        for (int split = 0; split <= 5; split++) {
            MultiLabelSummary head = summary(0, split);
            MultiLabelSummary tail = summary(split, 5);
            assertSameSummary(all, head.merge(tail));
            assertSameSummary(all, tail.merge(head));
            assertSameSummary(all, MultiLabelSummary.empty(3).merge(tail).merge(head));
        }
        // merge changes neither side
        MultiLabelSummary head = summary(0, 2);
        head.merge(summary(2, 5));
        assertSameSummary(summary(0, 2), head);
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        MultiLabelSummary s = summary(0, 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertSameSummary(s, (MultiLabelSummary) in.readObject());
        }
    }

    /**
     * c is neither true nor predicted in any row: 0/0/0 with support 0, and it still counts in the macro
     * mean (scikit-learn averages over all columns of the indicator matrix).
     * a: tp 1 (row 0), fp 1 (row 1), fn 0: P 1/2, R 1, F1 2/3; b: tp 1 (row 1), fn 1 (row 0): P 1, R 1/2, F1 2/3
     */
    @Test
    void classAbsentFromTruthAndPredictionCountsAsZeroInTheMacroMean() {
        MultiLabelSummary.Builder b = new MultiLabelSummary.Builder(3);
        b.add(new int[]{0, 1}, new float[]{0.9f, 0.1f, 0.2f}, 0, THRESHOLD, 1.0);
        b.add(new int[]{1}, new float[]{0.5f, 0.6f, 0.7f, 0.8f, 0.2f}, 2, THRESHOLD, 2.0); // offset 2: 0.7 0.8 0.2
        Map<String, Object> m = MultiLabelMetrics.of(b.build(), CLASSES, THRESHOLD);
        Map<String, Object> c = perClass(m, "c");
        assertEquals(0.0, c.get("precision"));
        assertEquals(0.0, c.get("recall"));
        assertEquals(0.0, c.get("f1"));
        assertEquals(0L, c.get("support"));
        assertEquals(0L, c.get("predicted"));
        assertEquals((0.5 + 1 + 0) / 3, (Double) m.get("macro_precision"), 1e-12);
        assertEquals((1 + 0.5 + 0) / 3, (Double) m.get("macro_recall"), 1e-12);
        assertEquals((2.0 / 3 + 2.0 / 3 + 0) / 3, (Double) m.get("macro_f1"), 1e-12);
        assertEquals(2.0 / 3, (Double) m.get("micro_f1"), 1e-12); // TP 2, FP 1, FN 1
        assertEquals(0.0, (Double) m.get("subset_accuracy"), 1e-12);
        assertEquals(1.5, (Double) m.get("loss"), 1e-12);
    }
}
