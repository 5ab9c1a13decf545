package textnet.nn;

/**
 * The one rule for the class a row's outputs predict, shared by training's accuracy ({@link Network})
 * and by the test metrics, {@code predict} and the Spark ML transformer (textnet.eval.Predictions):
 * one output unit, class 1 when the reported P(class 1) is above 0.5 (Keras's binary accuracy
 * threshold); several units, the first unit with the largest reported output. It is decided on the
 * outputs as {@code predict} reports them (float, after the output activation), so a row's class
 * always agrees with the probability written next to it; deciding on the logit instead ({@code z > 0})
 * called class 1 for a logit of 1e-8 whose sigmoid rounds to exactly 0.5f. Multi-label outputs predict
 * a set: every class whose probability is above the threshold ({@link #inSet}).
 */
public final class PredictedClass {
    /**
     * Below this gap between logits the rounding of the probabilities can decide. Above it the
     * probabilities differ by a relative 1e-3 (softmax: {@code p_j / p_max = e^(z_j - z_max)};
     * sigmoid: at least 2.5e-4 from 0.5), thousands of float ulps, so the logits decide the same way.
     */
    private static final double CLEAR_GAP = 1e-3;

    private PredictedClass() {
    }

    /**
     * Multi-label: whether a class whose reported probability is {@code p} is predicted, above the
     * threshold (as Keras's {@code binary_accuracy} decides).
     */
    public static boolean inSet(float p, double threshold) {
        return p > threshold;
    }

    /** Multi-label: the classes row {@code row} of {@code outputs} (probabilities, row-major) predicts, sorted. */
    public static int[] setOf(float[] outputs, int row, int units, double threshold) {
        int count = 0;
        for (int k = 0; k < units; k++) {
            count += inSet(outputs[row * units + k], threshold) ? 1 : 0;
        }
        int[] classes = new int[count];
        for (int k = 0, at = 0; k < units; k++) {
            if (inSet(outputs[row * units + k], threshold)) {
                classes[at++] = k;
            }
        }
        return classes;
    }

    /** The class of row {@code row} of {@code outputs} ({@code rows x units}, row-major, as reported). */
    public static int of(float[] outputs, int row, int units) {
        int base = row * units;
        if (units == 1) {
            return outputs[base] > 0.5f ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < units; k++) {
            if (outputs[base + k] > outputs[base + best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The same for a row of the network's output buffer. With {@code pending} (the output activation
     * a fused loss left unapplied, sigmoid or softmax) the buffer holds logits: they decide when they
     * decide clearly (no exponentials per step), otherwise the row's probabilities computed as
     * {@code predict} reports them do. {@code scratch} holds exactly {@code units} values.
     */
    static int of(HostValues logits, int row, int units, Activation pending, float[] scratch) {
        int base = row * units;
        if (pending == null) {
            for (int k = 0; k < units; k++) {
                scratch[k] = (float) logits.get(base + k);
            }
            return of(scratch, 0, units);
        }
        if (units == 1) {
            double z = logits.get(base);
            if (z >= CLEAR_GAP || z <= -CLEAR_GAP) {
                return z > 0 ? 1 : 0;
            }
        } else {
            int best = 0;
            double second = Double.NEGATIVE_INFINITY;
            for (int k = 1; k < units; k++) {
                double z = logits.get(base + k);
                if (z > logits.get(base + best)) {
                    second = logits.get(base + best);
                    best = k;
                } else {
                    second = Math.max(second, z);
                }
            }
            if (logits.get(base + best) - second >= CLEAR_GAP) { // false for NaN: decided below
                return best;
            }
        }
        for (int k = 0; k < units; k++) {
            scratch[k] = (float) logits.get(base + k);
        }
        pending.applyInPlace(scratch, units);
        return of(scratch, 0, units);
    }
}
