package textnet.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Precision, recall, F1, ROC-AUC and the rest from a {@link TestSummary}: the confusion matrix's
 * rates with Spark MLlib's {@code MulticlassMetrics} definitions ({@link ConfusionMatrix}), the areas
 * with {@code BinaryClassificationMetrics}'s over binned scores ({@link AreaUnderCurves}).
 */
public final class ClassificationMetrics {

    private ClassificationMetrics() {
    }

    /**
     * Binary: the positive class is {@code classes.get(1)} (pos, yes, ...: the sorted second label).
     * {@code roc_auc_max_error} bounds how far the binned ROC-AUC can be from the exact one.
     */
    public static Map<String, Object> binary(TestSummary s, List<String> classes) {
        ConfusionMatrix cm = s.confusion();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("positive_class", classes.get(1));
        boolean positives = cm.isLabel(1); // without positive rows MLlib throws; 0 as in per_class
        m.put("precision", positives ? cm.precision(1) : 0.0);
        m.put("recall", positives ? cm.recall(1) : 0.0);
        m.put("f1", positives ? cm.fMeasure(1) : 0.0);
        m.put("roc_auc", AreaUnderCurves.rocAuc(s.scores()));
        m.put("pr_auc", AreaUnderCurves.prAuc(s.scores()));
        m.put("per_class", perClass(cm, classes));
        return m;
    }

    /**
     * {@code macro_f1} averages F1 over the classes that occur as a true label or a prediction, as
     * scikit-learn does ({@link ConfusionMatrix#macroFMeasure}); the weighted averages are MLlib's.
     */
    public static Map<String, Object> multiclass(TestSummary s, List<String> classes) {
        ConfusionMatrix cm = s.confusion();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("macro_f1", cm.macroFMeasure());
        m.put("weighted_f1", cm.weightedFMeasure());
        m.put("weighted_precision", cm.weightedPrecision());
        m.put("weighted_recall", cm.weightedRecall());
        m.put("top" + TestSummary.TOP_K + "_accuracy", s.topKAccuracy());
        m.put("per_class", perClass(cm, classes));
        return m;
    }

    /** Per class in label order; a class that is not a true label scores 0 with support 0. */
    private static Map<String, Map<String, Object>> perClass(ConfusionMatrix cm, List<String> classes) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            boolean label = cm.isLabel(k);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("precision", label ? cm.precision(k) : 0.0);
            c.put("recall", label ? cm.recall(k) : 0.0);
            c.put("f1", label ? cm.fMeasure(k) : 0.0);
            c.put("support", cm.support(k));
            out.put(classes.get(k), c);
        }
        return out;
    }
}
