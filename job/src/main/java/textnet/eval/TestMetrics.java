package textnet.eval;

import textnet.nn.BatchStats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The held-out split's metrics, in the order they appear in {@code metrics.json}. */
public final class TestMetrics {

    private TestMetrics() {
    }

    public static Map<String, Object> of(Evaluator.Scored scored, List<String> classes) {
        BatchStats s = scored.stats();
        Predictions p = scored.predictions();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", (double) s.correct() / s.rows());
        m.put("loss", s.lossSum() / s.rows());
        m.put("rows", s.rows());
        long[][] confusion = new long[classes.size()][classes.size()];
        for (int r = 0; r < p.rows(); r++) {
            confusion[p.labels()[r]][p.predictedClass(r)]++;
        }
        m.put("confusion_matrix", confusion);
        return m;
    }

    public static String summary(Map<String, Object> m) {
        return String.format(Locale.ROOT, "Test - loss: %.4f - accuracy: %.4f (%d rows)",
                (Double) m.get("loss"), (Double) m.get("accuracy"), (Long) m.get("rows"));
    }
}
