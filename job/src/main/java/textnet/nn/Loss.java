package textnet.nn;

import textnet.JobException;
import textnet.config.LossName;

/**
 * Training losses over integer class labels. The two cross-entropies are fused with their output
 * activation and read the logits {@code z}: that is numerically stable for any {@code |z|}, and the
 * gradient collapses to {@code p - y} (as Spark MLlib's ml/ann {@code SoftmaxLayerWithCrossEntropyLoss}
 * and Keras's {@code from_logits=True} do). MSE reads the activated outputs like Keras's
 * {@code mean_squared_error}: the mean over output units of {@code (a - y)^2}.
 *
 * <p>Class weights (Keras's {@code class_weight}, training only): row r of class y_r contributes
 * {@code w[y_r] * loss_r}, and its delta is {@code scale * w[y_r] * dloss_r/dOut}; with {@code scale = 1/rows}
 * that is Keras's {@code sum_over_batch_size} reduction, {@code sum_r w[y_r] loss_r / rows} (the weighted
 * sum divided by the batch size, not by the sum of weights). No weights is every weight 1, the same bits:
 * {@code x * 1.0 == x} and {@code scale * 1.0 == scale} exactly.
 *
 * <p>Multi-label targets (a set of classes per row, {@code labelOffsets} not null) take binary
 * cross-entropy only: a sigmoid per unit, target 1 for the row's classes and 0 for the others, the
 * row's loss the mean over the units (Keras's {@code binary_crossentropy} on a multi-hot target).
 */
public enum Loss {
    BINARY_CROSSENTROPY(LossName.BINARY_CROSSENTROPY),
    CATEGORICAL_CROSSENTROPY(LossName.CATEGORICAL_CROSSENTROPY),
    MSE(LossName.MSE);

    private final LossName name;

    Loss(LossName name) {
        this.name = name;
    }

    /** The loss {@code name} stands for. */
    public static Loss of(LossName name) {
        for (Loss l : values()) {
            if (l.name == name) {
                return l;
            }
        }
        throw new IllegalArgumentException("no loss for " + name);
    }

    /** Parses a config name ({@link LossName}: the names). */
    public static Loss of(String name) {
        for (Loss l : values()) {
            if (l.configName().equals(name)) {
                return l;
            }
        }
        throw JobException.config("unknown loss '" + name + "'");
    }

    /** The name config and model files use. */
    public String configName() {
        return name.key();
    }

    /** Whether the loss includes the output activation (sigmoid, softmax) and so reads logits. */
    public boolean readsLogits() {
        return this != MSE;
    }

    /**
     * Returns the loss summed over {@code rows}; when {@code delta} is not null also writes
     * {@code scale * dLoss/dOut} into it (for the fused losses that is the gradient w.r.t. the logits).
     *
     * @param out    {@code rows x units}, row-major: logits for the cross-entropies, activations for MSE
     * @param labels class per row; with one output unit the target is the 0/1 label, otherwise one-hot
     */
    double lossSum(HostValues out, int[] labels, int rows, int units, HostValues delta, double scale) {
        return lossSum(out, labels, rows, units, delta, scale, null);
    }

    /**
     * {@link #lossSum(HostValues, int[], int, int, HostValues, double)}, also writing each row's loss
     * into {@code rowLosses} when it is not null (the test metrics sum them in an order-free way).
     */
    double lossSum(HostValues out, int[] labels, int rows, int units, HostValues delta, double scale,
                   double[] rowLosses) {
        return lossSum(out, labels, rows, units, delta, scale, rowLosses, null);
    }

    /**
     * {@link #lossSum(HostValues, int[], int, int, HostValues, double, double[])} with each row's loss
     * and delta multiplied by its class's weight ({@code weights} null: every class 1); see the class comment.
     */
    double lossSum(HostValues out, int[] labels, int rows, int units, HostValues delta, double scale,
                   double[] rowLosses, ClassWeights weights) {
        return lossSum(out, labels, null, rows, units, delta, scale, rowLosses, weights);
    }

    /**
     * {@link #lossSum(HostValues, int[], int, int, HostValues, double, double[], ClassWeights)} for
     * targets as a batch holds them: with {@code labelOffsets} (multi-label) row r's classes are
     * {@code labels[labelOffsets[r] .. labelOffsets[r+1])}, and class weights do not apply.
     */
    double lossSum(HostValues out, int[] labels, int[] labelOffsets, int rows, int units, HostValues delta,
                   double scale, double[] rowLosses, ClassWeights weights) {
        if (labelOffsets != null) {
            if (this != BINARY_CROSSENTROPY || weights != null) {
                throw new IllegalArgumentException("multi-label targets take binary cross-entropy, without class weights");
            }
            return multiLabelCrossEntropy(out, labels, labelOffsets, rows, units, delta, scale, rowLosses);
        }
        return switch (this) {
            case BINARY_CROSSENTROPY -> binaryCrossEntropy(out, labels, rows, delta, scale, rowLosses, weights);
            case CATEGORICAL_CROSSENTROPY -> categoricalCrossEntropy(out, labels, rows, units, delta, scale, rowLosses,
                    weights);
            case MSE -> meanSquaredError(out, labels, rows, units, delta, scale, rowLosses, weights);
        };
    }

    /** The weight of {@code label}'s class: 1 without weights. */
    private static double weight(ClassWeights weights, int label) {
        return weights == null ? 1.0 : weights.of(label);
    }

    /**
     * w_y -[y log s(z) + (1-y) log(1-s(z))] = w_y (max(z,0) - z y + log(1 + e^-|z|)); d/dz = w_y (s(z) - y).
     */
    private static double binaryCrossEntropy(HostValues z, int[] labels, int rows, HostValues delta, double scale,
                                             double[] rowLosses, ClassWeights weights) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            double zr = z.get(r);
            double y = binaryTarget(labels[r]);
            double w = weight(weights, labels[r]);
            double loss = w * (Math.max(zr, 0) - zr * y + Math.log1p(Math.exp(-Math.abs(zr))));
            sum += loss;
            if (rowLosses != null) {
                rowLosses[r] = loss;
            }
            if (delta != null) {
                delta.set(r, scale * w * (sigmoid(zr) - y));
            }
        }
        return sum;
    }

    /**
     * mean_j [max(z_j,0) - z_j y_j + log(1 + e^-|z_j|)] with y_j = 1 for the row's classes; d/dz_j =
     * (s(z_j) - y_j) / units.
     */
    private static double multiLabelCrossEntropy(HostValues z, int[] labels, int[] labelOffsets, int rows, int units,
                                                 HostValues delta, double scale, double[] rowLosses) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * units;
            int next = labelOffsets[r];
            double rowSum = 0;
            for (int j = 0; j < units; j++) {
                double y = 0;
                if (next < labelOffsets[r + 1] && labels[next] == j) {
                    y = 1;
                    next++;
                }
                double zj = z.get(base + j);
                rowSum += Math.max(zj, 0) - zj * y + Math.log1p(Math.exp(-Math.abs(zj)));
                if (delta != null) {
                    delta.set(base + j, scale * (sigmoid(zj) - y) / units);
                }
            }
            if (next != labelOffsets[r + 1]) {
                throw new IllegalArgumentException("row " + r + "'s classes are not sorted classes below " + units);
            }
            double loss = rowSum / units;
            sum += loss;
            if (rowLosses != null) {
                rowLosses[r] = loss;
            }
        }
        return sum;
    }

    /** -w_y log softmax(z)_y = w_y (logsumexp(z) - z_y); d/dz_j = w_y (softmax(z)_j - [j = y]). */
    private static double categoricalCrossEntropy(HostValues z, int[] labels, int rows, int units,
                                                  HostValues delta, double scale, double[] rowLosses,
                                                  ClassWeights weights) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * units;
            int y = classTarget(labels[r], units);
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < units; j++) {
                max = Math.max(max, z.get(base + j));
            }
            double expSum = 0;
            for (int j = 0; j < units; j++) {
                expSum += Math.exp(z.get(base + j) - max);
            }
            double logSumExp = max + Math.log(expSum);
            double w = weight(weights, y);
            double loss = w * (logSumExp - z.get(base + y));
            sum += loss;
            if (rowLosses != null) {
                rowLosses[r] = loss;
            }
            if (delta != null) {
                for (int j = 0; j < units; j++) {
                    double p = Math.exp(z.get(base + j) - logSumExp);
                    delta.set(base + j, scale * w * (p - (j == y ? 1 : 0)));
                }
            }
        }
        return sum;
    }

    /** w_y mean_j (a_j - y_j)^2 per row; d/da_j = w_y 2 (a_j - y_j) / units. */
    private static double meanSquaredError(HostValues a, int[] labels, int rows, int units,
                                           HostValues delta, double scale, double[] rowLosses,
                                           ClassWeights weights) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * units;
            int y = units == 1 ? -1 : classTarget(labels[r], units);
            double w = weight(weights, labels[r]);
            double rowSum = 0;
            for (int j = 0; j < units; j++) {
                double target = units == 1 ? binaryTarget(labels[r]) : (j == y ? 1 : 0);
                double diff = a.get(base + j) - target;
                rowSum += diff * diff;
                if (delta != null) {
                    delta.set(base + j, scale * w * 2 * diff / units);
                }
            }
            double loss = w * (rowSum / units);
            sum += loss;
            if (rowLosses != null) {
                rowLosses[r] = loss;
            }
        }
        return sum;
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    private static double binaryTarget(int label) {
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException("a one-unit output needs labels 0 or 1, got " + label);
        }
        return label;
    }

    private static int classTarget(int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + " outside 0.." + (classes - 1));
        }
        return label;
    }
}
