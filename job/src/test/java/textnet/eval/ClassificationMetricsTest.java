package textnet.eval;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import textnet.SparkTestSupport;
import textnet.nn.BatchStats;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** MLlib's evaluators behind metrics.json, against answers worked out by hand. */
class ClassificationMetricsTest {

    private static JavaSparkContext sc() {
        return JavaSparkContext.fromSparkContext(SparkTestSupport.spark().sparkContext());
    }

    @Test
    void binaryPrecisionRecallF1AndRocAuc() {
        // true 1,1,1,0,0,0; P(1) 0.9,0.8,0.3 | 0.6,0.2,0.1 -> predicted 1,1,0,1,0,0: TP 2, FP 1, FN 1
        Predictions p = new Predictions(1, new float[]{0.9f, 0.8f, 0.3f, 0.6f, 0.2f, 0.1f}, new int[]{1, 1, 1, 0, 0, 0});
        Map<String, Object> m = ClassificationMetrics.binary(p, List.of("neg", "pos"), sc());
        assertEquals("pos", m.get("positive_class"));
        assertEquals(2.0 / 3, (Double) m.get("precision"), 1e-12);
        assertEquals(2.0 / 3, (Double) m.get("recall"), 1e-12);
        assertEquals(2.0 / 3, (Double) m.get("f1"), 1e-12);
        // 8 of the 9 (positive, negative) pairs are ranked correctly: only 0.3 < 0.6 is not
        assertEquals(8.0 / 9, (Double) m.get("roc_auc"), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> perClass = (Map<String, Map<String, Object>>) m.get("per_class");
        assertEquals(2.0 / 3, (Double) perClass.get("neg").get("precision"), 1e-12); // 2 of the 3 predicted neg
        assertEquals(3L, perClass.get("neg").get("support"));
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
        Map<String, Object> m = ClassificationMetrics.multiclass(p, classes, sc());
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

        Map<String, Object> all = TestMetrics.of(new Evaluator.Scored(new BatchStats(1.2, 3, 6), p), classes, sc());
        assertEquals(0.5, (Double) all.get("accuracy"), 1e-12);
        long[][] confusion = (long[][]) all.get("confusion_matrix");
        assertArrayEquals(new long[]{1, 1, 0, 0}, confusion[0]);
        assertArrayEquals(new long[]{1, 0, 0, 0}, confusion[3]);
        List<String> report = TestMetrics.report(all, classes);
        assertEquals("Test - loss: 0.2000 - accuracy: 0.5000 (6 rows)", report.get(0));
        assertEquals("  macro_f1: 0.3000 - weighted_f1: 0.4000 - weighted_precision: 0.3333 - weighted_recall: 0.5000"
                + " - top3_accuracy: 0.8333", report.get(1));
    }
}
