package textnet.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The held-out split's metrics for multi-label targets (one sigmoid output per class; class k is
 * predicted when its probability is above the threshold), from a {@link MultiLabelSummary}, in the
 * order they appear in {@code metrics.json}. With tp_k, fp_k, fn_k the class's true positives, false
 * positives and false negatives over the rows, N the rows and K the classes:
 * <ul>
 *   <li>{@code subset_accuracy} (also {@code accuracy}) = rows whose predicted set equals the true set / N;</li>
 *   <li>{@code hamming_loss} = wrong (row, class) decisions / (N K);</li>
 *   <li>per class: precision_k = tp_k / (tp_k + fp_k), recall_k = tp_k / (tp_k + fn_k),
 *       f1_k = 2 tp_k / (2 tp_k + fp_k + fn_k), each 0 when its denominator is 0; support_k = tp_k + fn_k
 *       (rows with the true class), predicted_k = tp_k + fp_k;</li>
 *   <li>micro: the same three formulas over TP = sum tp_k, FP = sum fp_k, FN = sum fn_k;</li>
 *   <li>macro: the unweighted mean over all K classes of precision_k, recall_k, f1_k (a class that is
 *       neither true nor predicted anywhere counts as 0).</li>
 * </ul>
 * These are scikit-learn's {@code precision_recall_fscore_support(Y, P, average='micro' | 'macro',
 * zero_division=0)}, {@code accuracy_score(Y, P)} and {@code hamming_loss(Y, P)} on indicator matrices
 * (scikit-learn's per-class F1 is also 2tp / (2tp + fp + fn), which is 2PR / (P + R) when defined).
 * Without rows the rates over N are NaN, as {@link TestMetrics}'s.
 */
public final class MultiLabelMetrics {

    /** The metrics a quality gate can put a lower bar on (higher is better for all). */
    public static final List<String> GATE = List.of("accuracy", "subset_accuracy", "micro_f1", "micro_precision", "micro_recall",
            "macro_f1", "macro_precision", "macro_recall");

    private MultiLabelMetrics() {
    }

    /**
     * The metrics of a summarized test split, {@code classes} in output-unit order, and the threshold
     * the summary's predictions were decided at.
     */
    public static Map<String, Object> of(MultiLabelSummary s, List<String> classes, double threshold) {
        if (classes.size() != s.classes()) {
            throw new IllegalArgumentException(classes.size() + " class names for a summary of " + s.classes()
                    + " classes");
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        double precisionSum = 0;
        double recallSum = 0;
        double f1Sum = 0;
        Map<String, Map<String, Object>> perClass = new LinkedHashMap<>();
        for (int k = 0; k < s.classes(); k++) {
            long tpK = s.truePositives(k);
            long fpK = s.falsePositives(k);
            long fnK = s.falseNegatives(k);
            tp += tpK;
            fp += fpK;
            fn += fnK;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("precision", ratio(tpK, tpK + fpK));
            c.put("recall", ratio(tpK, tpK + fnK));
            c.put("f1", ratio(2 * tpK, 2 * tpK + fpK + fnK));
            c.put("support", tpK + fnK);
            c.put("predicted", tpK + fpK);
            precisionSum += (Double) c.get("precision");
            recallSum += (Double) c.get("recall");
            f1Sum += (Double) c.get("f1");
            perClass.put(classes.get(k), c);
        }
        double subsetAccuracy = (double) s.exactMatches() / s.rows();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", subsetAccuracy);
        m.put("loss", s.meanLoss());
        m.put("rows", s.rows());
        m.put("threshold", threshold);
        m.put("subset_accuracy", subsetAccuracy);
        m.put("hamming_loss", (double) s.labelErrors() / ((double) s.rows() * s.classes()));
        m.put("micro_precision", ratio(tp, tp + fp));
        m.put("micro_recall", ratio(tp, tp + fn));
        m.put("micro_f1", ratio(2 * tp, 2 * tp + fp + fn));
        m.put("macro_precision", precisionSum / s.classes());
        m.put("macro_recall", recallSum / s.classes());
        m.put("macro_f1", f1Sum / s.classes());
        m.put("per_class", perClass);
        return m;
    }

    /** scikit-learn's {@code zero_division=0}: a rate with nothing to count is 0. */
    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    /** The first line scripts and tests read: {@code Test - loss: ... - subset_accuracy: ... - micro_f1: ... (N rows)}. */
    public static String summary(Map<String, Object> m) {
        return String.format(Locale.ROOT, "Test - loss: %.4f - subset_accuracy: %.4f - micro_f1: %.4f (%d rows)",
                (Double) m.get("loss"), (Double) m.get("subset_accuracy"), (Double) m.get("micro_f1"),
                (Long) m.get("rows"));
    }

    /** The summary line, the micro and macro scores, then the per-class scores in {@code classes} order. */
    public static List<String> report(Map<String, Object> m, List<String> classes) {
        List<String> lines = new ArrayList<>();
        lines.add(summary(m));
        lines.add(String.format(Locale.ROOT, "  micro precision: %.4f - recall: %.4f - f1: %.4f - macro f1: %.4f"
                        + " - hamming_loss: %.4f (threshold %s)", m.get("micro_precision"), m.get("micro_recall"),
                m.get("micro_f1"), m.get("macro_f1"), m.get("hamming_loss"), m.get("threshold")));
        int width = Math.max(5, classes.stream().mapToInt(String::length).max().orElse(5));
        lines.add(String.format(Locale.ROOT, "  %-" + width + "s  precision  recall      f1  support", "class"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> perClass = (Map<String, Map<String, Object>>) m.get("per_class");
        for (String label : classes) {
            Map<String, Object> c = perClass.get(label);
            lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %9.4f  %6.4f  %6.4f  %7d",
                    label, c.get("precision"), c.get("recall"), c.get("f1"), c.get("support")));
        }
        return lines;
    }
}
