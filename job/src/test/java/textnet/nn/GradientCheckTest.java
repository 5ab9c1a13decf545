package textnet.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import textnet.text.MultiHotBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central finite differences in double precision against the gradient of {@link ReferenceNetwork},
 * for every parameter of a tiny net (7 inputs, hidden 5 and 4 units, batch of 4 handmade rows): every
 * activation as a hidden layer, every output/loss pairing (multi-label's sigmoid per class too), both first layers (multi-hot and
 * expanded input) and the dense layers after them. Then the production float {@link Network}
 * against that checked gradient, to float precision, on the same cases: every layer class and loss.
 */
class GradientCheckTest {
    private static final double STEP = 1e-6;
    /**
     * Relative error bound. Entries whose gradient is ~0 (e.g. relu units off for the whole batch)
     * are judged against an absolute floor instead: the central difference's round-off is about
     * 1e-16 * loss / STEP, around 1e-10 here.
     */
    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE = 1e-9;
    private static final double FLOAT_RELATIVE = 1e-5;
    private static final double FLOAT_ABSOLUTE = 1e-6;

    private static final int[][] ROWS = {{0, 2, 5}, {1, 2}, {3, 4, 6}, {0, 6}};

    /** {@code multiLabel}: a sigmoid per class, each row a set of classes. */
    record Output(Activation activation, Loss loss, int units, boolean multiLabel) {
        Output(Activation activation, Loss loss, int units) {
            this(activation, loss, units, false);
        }
    }

    /** The multi-label rows' classes: two, none, one, all. */
    private static final int[][] LABEL_SETS = {{0, 2}, {}, {1}, {0, 1, 2}};

    static Stream<Arguments> cases() {
        List<Output> outputs = List.of(
                new Output(Activation.SIGMOID, Loss.BINARY_CROSSENTROPY, 1),
                new Output(Activation.SIGMOID, Loss.BINARY_CROSSENTROPY, 3, true),
                new Output(Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY, 3),
                new Output(Activation.LINEAR, Loss.MSE, 3),
                new Output(Activation.SIGMOID, Loss.MSE, 3),
                new Output(Activation.SOFTMAX, Loss.MSE, 3),
                new Output(Activation.TANH, Loss.MSE, 3),
                new Output(Activation.LINEAR, Loss.MSE, 1),
                new Output(Activation.SIGMOID, Loss.MSE, 1));
        List<Arguments> cases = new ArrayList<>();
        for (Activation hidden : Activation.values()) {
            for (Output output : outputs) {
                for (boolean sparse : new boolean[]{true, false}) {
                    cases.add(Arguments.of(hidden, output, sparse));
                }
            }
        }
        return cases.stream();
    }

    static NetworkSpec spec(Activation hidden, Output output, boolean sparse) {
        return new NetworkSpec(7, List.of(
                new DenseSpec(7, 5, hidden),
                new DenseSpec(5, 4, hidden == Activation.LINEAR ? Activation.TANH : hidden),
                new DenseSpec(4, output.units(), output.activation())), output.loss(), sparse, output.multiLabel(), 0.5);
    }

    static MultiHotBatch batch(Output output) {
        if (output.multiLabel()) {
            return Batches.multiLabel(ROWS, LABEL_SETS);
        }
        return Batches.of(ROWS, output.units() == 1 ? new int[]{1, 0, 0, 1} : new int[]{2, 0, 1, 2});
    }

    @ParameterizedTest(name = "hidden {0}, output {1}, sparse {2}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(Activation hidden, Output output, boolean sparse) {
        NetworkSpec spec = spec(hidden, output, sparse);
        MultiHotBatch batch = batch(output);
        ReferenceNetwork network = new ReferenceNetwork(spec);
        double[] params = withRandomBiases(spec, new Network(spec).initialParameters(7));
        double[] grad = new double[spec.parameterCount()];

        network.lossAndGradient(params, batch, grad);

        for (int i = 0; i < spec.parameterCount(); i++) {
            double original = params[i];
            params[i] = original + STEP;
            double plus = network.meanLoss(params, batch);
            params[i] = original - STEP;
            double minus = network.meanLoss(params, batch);
            params[i] = original;
            double numeric = (plus - minus) / (2 * STEP);
            double analytic = grad[i];
            double error = Math.abs(analytic - numeric);
            assertTrue(error <= RELATIVE * Math.max(Math.abs(analytic), Math.abs(numeric)) + ABSOLUTE,
                    "parameter " + i + ": analytic " + analytic + " vs numeric " + numeric);
        }
    }

    /**
     * Float against double: the production gradient and loss within FLOAT_RELATIVE of the checked
     * reference's, or FLOAT_ABSOLUTE for entries near 0 (float keeps ~7 digits; this net's sums
     * have a handful of terms).
     */
    @ParameterizedTest(name = "hidden {0}, output {1}, sparse {2}")
    @MethodSource("cases")
    void productionGradientMatchesTheCheckedReference(Activation hidden, Output output, boolean sparse) {
        NetworkSpec spec = spec(hidden, output, sparse);
        MultiHotBatch batch = batch(output);
        Network network = new Network(spec);
        float[] params = new float[spec.parameterCount()];
        double[] exact = withRandomBiases(spec, network.initialParameters(7));
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) exact[i];
            exact[i] = params[i];
        }
        float[] grad = new float[spec.parameterCount()];
        double[] expected = new double[spec.parameterCount()];

        double lossSum = network.lossAndGradient(params, batch, grad).lossSum();
        double expectedLossSum = new ReferenceNetwork(spec).lossAndGradient(exact, batch, expected);

        assertTrue(Math.abs(lossSum - expectedLossSum) <= FLOAT_RELATIVE * Math.abs(expectedLossSum),
                "loss " + lossSum + " vs " + expectedLossSum);
        for (int i = 0; i < params.length; i++) {
            double error = Math.abs(grad[i] - expected[i]);
            assertTrue(error <= FLOAT_RELATIVE * Math.abs(expected[i]) + FLOAT_ABSOLUTE,
                    "parameter " + i + ": float " + grad[i] + " vs double " + expected[i]);
        }
    }

    /** Zero biases would leave the bias gradients' checks weaker; give them small random values. */
    private static double[] withRandomBiases(NetworkSpec spec, float[] initial) {
        double[] params = new double[initial.length];
        for (int i = 0; i < initial.length; i++) {
            params[i] = initial[i];
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int l = 0; l < spec.layers().size(); l++) {
            for (int u = 0; u < spec.layers().get(l).units(); u++) {
                params[(int) spec.biasOffset(l) + u] = random.nextDouble(-0.5, 0.5);
            }
        }
        return params;
    }
}
