package textnet.eval;

import textnet.nn.PredictedClass;

import java.io.Serializable;

/**
 * Network outputs for a split, in row order: {@code probabilities} holds {@code rows x units}
 * values row-major (binary: one unit, P(class 1)); {@code labels} the true class of each row.
 */
public record Predictions(int units, float[] probabilities, int[] labels) implements Serializable {

    public int rows() {
        return labels.length;
    }

    public float probability(int row, int unit) {
        return probabilities[row * units + unit];
    }

    /** Binary: class 1 when P(class 1) > 0.5 (Keras's accuracy threshold); otherwise the argmax (textnet.nn.PredictedClass). */
    public int predictedClass(int row) {
        return PredictedClass.of(probabilities, row, units);
    }

    /** Binary: P(class 1), the score ROC and PR curves rank rows by. */
    public float positiveProbability(int row) {
        return probability(row, units == 1 ? 0 : 1);
    }

    /** P(class) for every class, binary outputs expanded to two columns. */
    public double[] classProbabilities(int row) {
        if (units == 1) {
            double p = probability(row, 0);
            return new double[]{1 - p, p};
        }
        double[] out = new double[units];
        for (int k = 0; k < units; k++) {
            out[k] = probability(row, k);
        }
        return out;
    }
}
