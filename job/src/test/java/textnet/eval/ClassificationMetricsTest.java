package textnet.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metrics behind metrics.json, from a summary of hand-made rows, against answers worked out by hand. */
class ClassificationMetricsTest {

    /** One summary of the rows, each row's loss {@code lossPerRow}, the correct count from the confusion. */
    static TestSummary summary(Predictions p, int classes, double lossPerRow) {
        TestSummary.Builder b = new TestSummary.Builder(classes);
        double[] losses = new double[p.rows()];
        java.util.Arrays.fill(losses, lossPerRow);
        long correct = 0;
        for (int r = 0; r < p.rows(); r++) {
            correct += p.predictedClass(r) == p.labels()[r] ? 1 : 0;
        }
        b.add(p, losses, correct);
        return b.build();
    }

    @Test
    void binaryPrecisionRecallF1AndAreas() {
        // true 1,1,1,0,0,0; P(1) 0.9,0.8,0.3 | 0.6,0.2,0.1 -> predicted 1,1,0,1,0,0: TP 2, FP 1, FN 1
        Predictions p = new Predictions(1, new float[]{0.9f, 0.8f, 0.3f, 0.6f, 0.2f, 0.1f}, new int[]{1, 1, 1, 0, 0, 0});
        List<String> classes = List.of("neg", "pos");
        Map<String, Object> m = TestMetrics.of(summary(p, 2, 0.5), classes);
        assertEquals(List.of("accuracy", "loss", "rows", "positive_class", "precision", "recall", "f1", "roc_auc",
                "pr_auc", "per_class", "confusion_matrix", "roc_auc_max_error"), List.copyOf(m.keySet()));
        assertEquals(4.0 / 6, (Double) m.get("accuracy"), 1e-12);
        assertEquals(0.5, (Double) m.get("loss"), 1e-12);
        assertEquals("pos", m.get("positive_class"));
        assertEquals(2.0 / 3, (Double) m.get("precision"), 1e-12);
        assertEquals(2.0 / 3, (Double) m.get("recall"), 1e-12);
        assertEquals(2.0 / 3, (Double) m.get("f1"), 1e-12);
        // 8 of the 9 (positive, negative) pairs are ranked correctly: only 0.3 < 0.6 is not
        assertEquals(8.0 / 9, (Double) m.get("roc_auc"), 1e-12);
        assertEquals(0.0, m.get("roc_auc_max_error")); // no bin holds both classes
        // PR points from the top: (0,1) (1/3,1) (2/3,1) (2/3,2/3) (1,3/4) (1,3/5) (1,1/2):
        // 2/3 + 1/3 * (2/3 + 3/4) / 2
        assertEquals(2.0 / 3 + (2.0 / 3 + 3.0 / 4) / 6, (Double) m.get("pr_auc"), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> perClass = (Map<String, Map<String, Object>>) m.get("per_class");
        assertEquals(2.0 / 3, (Double) perClass.get("neg").get("precision"), 1e-12); // 2 of the 3 predicted neg
        assertEquals(3L, perClass.get("neg").get("support"));
        long[][] confusion = (long[][]) m.get("confusion_matrix");
        assertArrayEquals(new long[]{2, 1}, confusion[0]);
        assertArrayEquals(new long[]{1, 2}, confusion[1]);
        assertEquals("  precision: 0.6667 - recall: 0.6667 - f1: 0.6667 - roc_auc: 0.8889 - pr_auc: 0.9028"
                + " (positive class: pos)", TestMetrics.report(m, classes).get(1));
    }

    /** Without positive rows MLlib threw; the positive class's rates are 0, as for any absent class. */
    @Test
    void binaryWithoutPositiveRows() {
        Predictions p = new Predictions(1, new float[]{0.9f, 0.2f}, new int[]{0, 0});
        Map<String, Object> m = TestMetrics.of(summary(p, 2, 0.1), List.of("neg", "pos"));
        assertEquals(0.0, m.get("precision"));
        assertEquals(0.0, m.get("f1"));
        assertTrue(Double.isNaN((Double) m.get("roc_auc")));
    }

    @Test
    void multiclassMacroWeightedTopKAndPerClass() {
        float[] probs = {
                0.7f, 0.1f, 0.1f, 0.1f,   // true 0, predicted 0
                0.1f, 0.6f, 0.2f, 0.1f,   // true 1, predicted 1
                0.5f, 0.1f, 0.3f, 0.1f,   // true 2, predicted 0, 2nd most probable: a top-3 hit
                0.4f, 0.3f, 0.2f, 0.1f,   // true 3, predicted 0, least probable: a top-3 miss
                0.2f, 0.5f, 0.2f, 0.1f,   // true 0, predicted 1, 2nd: hit
                0.1f, 0.7f, 0.1f, 0.1f};  // true 1, predicted 1
        Predictions p = new Predictions(4, probs, new int[]{0, 1, 2, 3, 0, 1});
        List<String> classes = List.of("a", "b", "c", "d");
        Map<String, Object> m = TestMetrics.of(summary(p, 4, 0.2), classes);
        assertEquals(List.of("accuracy", "loss", "rows", "macro_f1", "weighted_f1", "weighted_precision",
                "weighted_recall", "top3_accuracy", "per_class", "confusion_matrix"), List.copyOf(m.keySet()));
        // per class f1: a 0.4 (P 1/3, R 1/2), b 0.8 (P 2/3, R 1), c 0, d 0
        assertEquals((0.4 + 0.8) / 4, (Double) m.get("macro_f1"), 1e-12);
        assertEquals((0.4 * 2 + 0.8 * 2) / 6, (Double) m.get("weighted_f1"), 1e-12);
        assertEquals(5.0 / 6, (Double) m.get("top3_accuracy"), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> perClass = (Map<String, Map<String, Object>>) m.get("per_class");
        assertEquals(1.0 / 3, (Double) perClass.get("a").get("precision"), 1e-12);
        assertEquals(0.5, (Double) perClass.get("a").get("recall"), 1e-12);
        assertEquals(1.0, (Double) perClass.get("b").get("recall"), 1e-12);
        assertEquals(0.0, (Double) perClass.get("c").get("precision"), 1e-12);

        assertEquals(0.5, (Double) m.get("accuracy"), 1e-12);
        long[][] confusion = (long[][]) m.get("confusion_matrix");
        assertArrayEquals(new long[]{1, 1, 0, 0}, confusion[0]);
        assertArrayEquals(new long[]{1, 0, 0, 0}, confusion[3]);
        List<String> report = TestMetrics.report(m, classes);
        assertEquals("Test - loss: 0.2000 - accuracy: 0.5000 (6 rows)", report.get(0));
        assertEquals("  macro_f1: 0.3000 - weighted_f1: 0.4000 - weighted_precision: 0.3333 - weighted_recall: 0.5000"
                + " - top3_accuracy: 0.8333", report.get(1));
    }

    /**
     * Macro F1 as scikit-learn: over the classes that are a true label or a prediction; one only ever
     * predicted counts with F1 0 (MLlib's MulticlassMetrics would leave it out: (2/3 + 1) / 2 = 0.8333).
     */
    @Test
    void macroF1CountsClassesThatAreOnlyPredictedAsScikitLearn() {
        float[] probs = {
                0.8f, 0.1f, 0.1f,   // true 0, predicted 0
                0.1f, 0.1f, 0.8f,   // true 0, predicted 2 (never a true label)
                0.1f, 0.8f, 0.1f};  // true 1, predicted 1
        Predictions p = new Predictions(3, probs, new int[]{0, 0, 1});
        Map<String, Object> m = TestMetrics.of(summary(p, 3, 0.3), List.of("x", "y", "z"));
        // f1: x 2/3 (P 1, R 1/2), y 1, z 0 (P 0, R 0; reported with support 0)
        assertEquals((2.0 / 3 + 1 + 0) / 3, (Double) m.get("macro_f1"), 1e-12);
        assertEquals(0.5556, (Double) m.get("macro_f1"), 5e-5);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> perClass = (Map<String, Map<String, Object>>) m.get("per_class");
        assertEquals(0.0, perClass.get("z").get("precision"));
        assertEquals(0L, perClass.get("z").get("support"));
    }
}
