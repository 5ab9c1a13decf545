package textnet.nn;

import textnet.JobException;

/**
 * Training losses over integer class labels. The two cross-entropies are fused with their output
 * activation and read the logits {@code z}: that is numerically stable for any {@code |z|}, and the
 * gradient collapses to {@code p - y} (as Spark MLlib's ml/ann {@code SoftmaxLayerWithCrossEntropyLoss}
 * and Keras's {@code from_logits=True} do). MSE reads the activated outputs like Keras's
 * {@code mean_squared_error}: the mean over output units of {@code (a - y)^2}.
 */
public enum Loss {
    BINARY_CROSSENTROPY("binary-crossentropy"),
    CATEGORICAL_CROSSENTROPY("categorical-crossentropy"),
    MSE("mse");

    private final String configName;

    Loss(String configName) {
        this.configName = configName;
    }

    /** Parses a config name: {@code binary-crossentropy, categorical-crossentropy, mse}. */
    public static Loss of(String name) {
        for (Loss l : values()) {
            if (l.configName.equals(name)) {
                return l;
            }
        }
        throw JobException.config("unknown loss '" + name + "'");
    }

    public String configName() {
        return configName;
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
        return switch (this) {
            case BINARY_CROSSENTROPY -> binaryCrossEntropy(out, labels, rows, delta, scale, rowLosses);
            case CATEGORICAL_CROSSENTROPY -> categoricalCrossEntropy(out, labels, rows, units, delta, scale, rowLosses);
            case MSE -> meanSquaredError(out, labels, rows, units, delta, scale, rowLosses);
        };
    }

    /** -[y log s(z) + (1-y) log(1-s(z))] = max(z,0) - z y + log(1 + e^-|z|); d/dz = s(z) - y. */
    private static double binaryCrossEntropy(HostValues z, int[] labels, int rows, HostValues delta, double scale,
                                             double[] rowLosses) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            double zr = z.get(r);
            double y = binaryTarget(labels[r]);
            double loss = Math.max(zr, 0) - zr * y + Math.log1p(Math.exp(-Math.abs(zr)));
            sum += loss;
            if (rowLosses != null) {
                rowLosses[r] = loss;
            }
            if (delta != null) {
                delta.set(r, scale * (sigmoid(zr) - y));
            }
        }
        return sum;
    }

    /** -log softmax(z)_y = logsumexp(z) - z_y; d/dz_j = softmax(z)_j - [j = y]. */
    private static double categoricalCrossEntropy(HostValues z, int[] labels, int rows, int units,
                                                  HostValues delta, double scale, double[] rowLosses) {
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
            double loss = logSumExp - z.get(base + y);
            sum += loss;
            if (rowLosses != null) {
                rowLosses[r] = loss;
            }
            if (delta != null) {
                for (int j = 0; j < units; j++) {
                    double p = Math.exp(z.get(base + j) - logSumExp);
                    delta.set(base + j, scale * (p - (j == y ? 1 : 0)));
                }
            }
        }
        return sum;
    }

    /** mean_j (a_j - y_j)^2 per row; d/da_j = 2 (a_j - y_j) / units. */
    private static double meanSquaredError(HostValues a, int[] labels, int rows, int units,
                                           HostValues delta, double scale, double[] rowLosses) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * units;
            int y = units == 1 ? -1 : classTarget(labels[r], units);
            double rowSum = 0;
            for (int j = 0; j < units; j++) {
                double target = units == 1 ? binaryTarget(labels[r]) : (j == y ? 1 : 0);
                double diff = a.get(base + j) - target;
                rowSum += diff * diff;
                if (delta != null) {
                    delta.set(base + j, scale * 2 * diff / units);
                }
            }
            double loss = rowSum / units;
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
