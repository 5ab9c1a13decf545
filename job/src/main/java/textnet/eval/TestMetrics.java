package textnet.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The held-out split's metrics, in the order they appear in {@code metrics.json}. */
public final class TestMetrics {

    /** The metrics a quality gate can put a lower bar on, per task (higher is better for all). */
    public static final List<String> BINARY_GATE = List.of("accuracy", "precision", "recall", "f1", "roc_auc", "pr_auc");
    public static final List<String> MULTICLASS_GATE = List.of("accuracy", "macro_f1", "weighted_f1",
            "weighted_precision", "weighted_recall", "top" + TestSummary.TOP_K + "_accuracy");

    /** Larger matrices (R52's 52 x 52) do not read well on a terminal. */
    private static final int CONFUSION_ON_CONSOLE = 10;

    private TestMetrics() {
    }

    /**
     * The metrics of a summarized test split; binary runs end with {@code roc_auc_max_error} (after
     * the keys metrics.json has always had, in their order), the bound of the binned ROC-AUC's error.
     */
    public static Map<String, Object> of(TestSummary s, List<String> classes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", s.accuracy());
        m.put("loss", s.meanLoss());
        m.put("rows", s.rows());
        m.putAll(classes.size() == 2 ? ClassificationMetrics.binary(s, classes)
                : ClassificationMetrics.multiclass(s, classes));
        m.put("confusion_matrix", s.confusion().counts());
        if (classes.size() == 2) {
            m.put("roc_auc_max_error", AreaUnderCurves.rocAucMaxError(s.scores()));
        }
        return m;
    }

    /** The metrics of {@code task} (textnet.io.TrainedModel#task) a quality gate can put a lower bar on. */
    public static List<String> gateMetrics(String task) {
        return switch (task) {
            case "binary" -> BINARY_GATE;
            case "multi-label" -> MultiLabelMetrics.GATE;
            default -> MULTICLASS_GATE;
        };
    }

    /** The first line scripts and tests read: {@code Test - loss: ... - accuracy: ... (N rows)}. */
    public static String summary(Map<String, Object> m) {
        return String.format(Locale.ROOT, "Test - loss: %.4f - accuracy: %.4f (%d rows)",
                (Double) m.get("loss"), (Double) m.get("accuracy"), (Long) m.get("rows"));
    }

    /**
     * The summary line, then the task's metrics, per-class scores and the confusion matrix (a
     * multi-label split's: {@link MultiLabelMetrics#report}).
     */
    public static List<String> report(Map<String, Object> m, List<String> classes) {
        if (m.containsKey("subset_accuracy")) {
            return MultiLabelMetrics.report(m, classes);
        }
        List<String> lines = new ArrayList<>();
        lines.add(summary(m));
        if (m.containsKey("roc_auc")) {
            lines.add(String.format(Locale.ROOT, "  precision: %.4f - recall: %.4f - f1: %.4f - roc_auc: %.4f"
                            + " - pr_auc: %.4f (positive class: %s)", m.get("precision"), m.get("recall"), m.get("f1"),
                    m.get("roc_auc"), m.get("pr_auc"), m.get("positive_class")));
        } else {
            lines.add(String.format(Locale.ROOT, "  macro_f1: %.4f - weighted_f1: %.4f - weighted_precision: %.4f"
                            + " - weighted_recall: %.4f - top%d_accuracy: %.4f", m.get("macro_f1"), m.get("weighted_f1"),
                    m.get("weighted_precision"), m.get("weighted_recall"), TestSummary.TOP_K,
                    m.get("top" + TestSummary.TOP_K + "_accuracy")));
        }
        int width = Math.max(5, classes.stream().mapToInt(String::length).max().orElse(5));
        lines.add(String.format(Locale.ROOT, "  %-" + width + "s  precision  recall      f1  support", "class"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> perClass = (Map<String, Map<String, Object>>) m.get("per_class");
        perClass.forEach((label, c) -> lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %9.4f  %6.4f  %6.4f  %7d",
                label, c.get("precision"), c.get("recall"), c.get("f1"), c.get("support"))));
        if (classes.size() > CONFUSION_ON_CONSOLE) {
            lines.add("  confusion matrix: " + classes.size() + " x " + classes.size() + ", in metrics.json (test.confusion_matrix)");
            return lines;
        }
        lines.add("  confusion matrix (rows: true class, columns: predicted, in the order above):");
        for (long[] row : (long[][]) m.get("confusion_matrix")) {
            StringBuilder sb = new StringBuilder("  ");
            for (long v : row) {
                sb.append(String.format(Locale.ROOT, " %6d", v));
            }
            lines.add(sb.toString());
        }
        return lines;
    }
}
