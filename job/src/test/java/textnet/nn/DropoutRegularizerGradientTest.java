package textnet.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import textnet.text.MultiHotBatch;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central finite differences in double for dropout layers (a fixed mask: the step's, from its seed)
 * and kernel regularizers (l1 and l2 on every kernel), through {@link ReferenceNetwork}; then the
 * production float {@link Network}'s training step against that checked gradient and loss, on both
 * first layers. As GradientCheckTest, on a tiny net: 7 inputs, 5 and 4 hidden units, 4 rows.
 */
class DropoutRegularizerGradientTest {
    private static final double STEP = 1e-6;
    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE = 1e-9;
    private static final double FLOAT_RELATIVE = 1e-5;
    private static final double FLOAT_ABSOLUTE = 1e-6;
    private static final long MASK_SEED = DropoutMask.stepSeed(42, 3, 1, 7);
    private static final int[][] ROWS = {{0, 2, 5}, {1, 2}, {3, 4, 6}, {0, 6}};

    static NetworkSpec spec(boolean sparse) {
        return new NetworkSpec(7, List.of(
                new DenseSpec(7, 5, Activation.TANH, new KernelRegularizer(0.01, 0.02)),
                new DropoutSpec(5, 0.4),
                new DenseSpec(5, 4, Activation.SIGMOID, new KernelRegularizer(0, 0.03)),
                new DropoutSpec(4, 0.5),
                new DenseSpec(4, 3, Activation.SOFTMAX, new KernelRegularizer(0.05, 0))),
                Loss.CATEGORICAL_CROSSENTROPY, sparse);
    }

    static MultiHotBatch batch() {
        return Batches.of(ROWS, 2, 0, 1, 2);
    }

    static double[] params(NetworkSpec spec) {
        float[] initial = new Network(spec).initialParameters(7);
        double[] params = new double[initial.length];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (initial[i] + random.nextDouble(-0.2, 0.2)); // non-zero biases too, float-exact
        }
        return params;
    }

    @ParameterizedTest(name = "sparse {0}")
    @ValueSource(booleans = {true, false})
    void gradientMatchesCentralDifferences(boolean sparse) {
        NetworkSpec spec = spec(sparse);
        ReferenceNetwork network = ReferenceNetwork.training(spec, MASK_SEED);
        double[] params = params(spec);
        double[] grad = new double[params.length];
        network.lossAndGradient(params, batch(), grad);
        for (int i = 0; i < params.length; i++) {
            double original = params[i];
            params[i] = original + STEP;
            double plus = network.meanLoss(params, batch());
            params[i] = original - STEP;
            double minus = network.meanLoss(params, batch());
            params[i] = original;
            double numeric = (plus - minus) / (2 * STEP);
            assertTrue(Math.abs(grad[i] - numeric) <= RELATIVE * Math.max(Math.abs(grad[i]), Math.abs(numeric)) + ABSOLUTE,
                    "parameter " + i + ": analytic " + grad[i] + " vs numeric " + numeric);
        }
    }

    @ParameterizedTest(name = "sparse {0}")
    @ValueSource(booleans = {true, false})
    void trainingStepMatchesTheCheckedReference(boolean sparse) {
        NetworkSpec spec = spec(sparse);
        double[] exact = params(spec);
        float[] params = new float[exact.length];
        for (int i = 0; i < exact.length; i++) {
            params[i] = (float) exact[i];
        }
        float[] grad = new float[params.length];
        double[] expected = new double[params.length];

        double lossSum = new Network(spec).lossAndGradient(params, batch(), grad, null, MASK_SEED).lossSum();
        double expectedLossSum = ReferenceNetwork.training(spec, MASK_SEED).lossAndGradient(exact, batch(), expected);

        assertEquals(expectedLossSum, lossSum, FLOAT_RELATIVE * expectedLossSum);
        for (int i = 0; i < params.length; i++) {
            assertEquals(expected[i], grad[i], FLOAT_RELATIVE * Math.abs(expected[i]) + FLOAT_ABSOLUTE, "parameter " + i);
        }
    }

    /** Inference (evaluate) is the identity for dropout, and its loss includes the penalties, as Keras's evaluate. */
    @Test
    void evaluateIsInferenceWithThePenalty() {
        NetworkSpec spec = spec(true);
        double[] exact = params(spec);
        float[] params = new float[exact.length];
        for (int i = 0; i < exact.length; i++) {
            params[i] = (float) exact[i];
        }
        double expected = new ReferenceNetwork(spec).meanLoss(exact, batch()) * ROWS.length;
        assertEquals(expected, new Network(spec).evaluate(params, batch()).lossSum(), FLOAT_RELATIVE * expected);
    }

    /** A regularized W0 has a gradient in every row: the touched-rows shortcut would be wrong, so it is refused. */
    @Test
    void touchedRowsAreRefusedWithARegularizedFirstLayer() {
        NetworkSpec spec = spec(true);
        float[] params = new Network(spec).initialParameters(7);
        assertThrows(IllegalArgumentException.class, () -> new Network(spec).lossAndGradient(
                params, batch(), new float[params.length], new int[]{0, 1, 2, 3, 4, 5, 6}, MASK_SEED));
    }
}
