package textnet.nn;

import textnet.JobException;
import textnet.config.ClassWeightConfig;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weight of each class index in the training loss (Keras's {@code class_weight}): each row's loss,
 * and so its gradient, is multiplied by its class's weight ({@link Loss}). Made on the driver once the
 * classes and their fitted row counts are known, and shipped with every replica's step; validation and
 * test losses never use it (Keras applies {@code class_weight} to training only).
 */
public final class ClassWeights implements Serializable {

    private final double[] weights;

    private ClassWeights(double[] weights) {
        this.weights = weights;
    }

    /** The given weights by class index (tests; {@link #of} for a config). */
    public static ClassWeights of(double... weights) {
        return new ClassWeights(weights.clone());
    }

    /**
     * {@code setting} made concrete for these classes, or null when it is null (every class 1).
     * {@code balanced}: scikit-learn's {@code compute_class_weight("balanced")},
     * {@code n_samples / (n_classes * count(class))} over the fitted rows. A mapping: the named labels'
     * weights, 1 for the others; a label the classes lack, or every class weighing 0, is a config error.
     *
     * @param labels    the class labels in index order
     * @param fitCounts the fitted (training, not validation) rows of each class, in index order
     */
    public static ClassWeights of(ClassWeightConfig setting, List<String> labels, long[] fitCounts) {
        if (setting == null) {
            return null;
        }
        double[] w = new double[labels.size()];
        if (setting.balanced()) {
            long rows = Arrays.stream(fitCounts).sum();
            for (int c = 0; c < w.length; c++) {
                w[c] = (double) rows / ((double) w.length * fitCounts[c]);
            }
        } else {
            Arrays.fill(w, 1.0);
            setting.weights().forEach((label, weight) -> {
                int c = labels.indexOf(label);
                if (c < 0) {
                    throw JobException.config("config key '" + ClassWeightConfig.KEY + "': label '" + label
                            + "' is not a class of the training split (classes: "
                            + String.join(", ", labels.size() > 20 ? labels.subList(0, 20) : labels)
                            + (labels.size() > 20 ? ", ..." : "") + ")");
                }
                w[c] = weight;
            });
            if (Arrays.stream(w).allMatch(x -> x == 0)) {
                throw JobException.config("config key '" + ClassWeightConfig.KEY
                        + "': every class weighs 0; nothing would be learnt");
            }
        }
        return new ClassWeights(w);
    }

    /** The weight of class index {@code c}. */
    public double of(int c) {
        return weights[c];
    }

    /** Label → weight in class order, for metrics.json. */
    public Map<String, Double> byLabel(List<String> labels) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < weights.length; c++) {
            out.put(labels.get(c), weights[c]);
        }
        return out;
    }
}
