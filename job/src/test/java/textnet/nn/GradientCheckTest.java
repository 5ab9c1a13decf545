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
 * expanded input) and the dense layers after them, each on multi-hot rows and on rows with values
 * (vectorizer.output-mode count and tf-idf: {@link #VALUES}). Then the production float {@link Network}
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
    /** Values at {@link #ROWS}' indices, as count and tf-idf make them: counts times idf-like factors. */
    private static final float[][] VALUES = {{2f, 0.75f, 1.3862944f}, {0.4054651f, 2.5f}, {1f, 3f, 0.6931472f},
            {1.5f, 0.2876821f}};

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
                    for (boolean values : new boolean[]{false, true}) {
                        cases.add(Arguments.of(hidden, output, sparse, values));
                    }
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

    /** {@link #batch}, with {@link #VALUES} when {@code values}. */
    static MultiHotBatch batch(Output output, boolean values) {
        return values ? Batches.withValues(batch(output), VALUES) : batch(output);
    }

    @ParameterizedTest(name = "hidden {0}, output {1}, sparse {2}, values {3}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(Activation hidden, Output output, boolean sparse, boolean values) {
        NetworkSpec spec = spec(hidden, output, sparse);
        MultiHotBatch batch = batch(output, values);
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
    @ParameterizedTest(name = "hidden {0}, output {1}, sparse {2}, values {3}")
    @MethodSource("cases")
    void productionGradientMatchesTheCheckedReference(Activation hidden, Output output, boolean sparse, boolean values) {
        NetworkSpec spec = spec(hidden, output, sparse);
        MultiHotBatch batch = batch(output, values);
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

    /**
     * The cases above have 5 first-layer units, which the sparse path's loops take one at a time; 11
     * units go through its blocks of 8 and then the remainder. On random rows with values (counts 1
     * to 3 times idf-like factors), both first layers: the reference's gradient against central
     * differences, and production's against the reference.
     */
    @ParameterizedTest(name = "sparse {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void elevenUnitsOnRowsWithValues(boolean sparse) {
        NetworkSpec spec = new NetworkSpec(30, List.of(
                new DenseSpec(30, 11, Activation.TANH),
                new DenseSpec(11, 3, Activation.SOFTMAX)), Loss.CATEGORICAL_CROSSENTROPY, sparse);
        MultiHotBatch batch = Batches.randomWithValues(6, 30, 5, 3, 13);
        ReferenceNetwork reference = new ReferenceNetwork(spec);
        Network network = new Network(spec);
        double[] params = withRandomBiases(spec, network.initialParameters(4));
        float[] floats = new float[params.length];
        for (int i = 0; i < params.length; i++) {
            floats[i] = (float) params[i];
            params[i] = floats[i];
        }
        double[] expected = new double[spec.parameterCount()];
        double expectedLossSum = reference.lossAndGradient(params, batch, expected);
        for (int i = 0; i < spec.parameterCount(); i++) {
            double original = params[i];
            params[i] = original + STEP;
            double plus = reference.meanLoss(params, batch);
            params[i] = original - STEP;
            double minus = reference.meanLoss(params, batch);
            params[i] = original;
            double numeric = (plus - minus) / (2 * STEP);
            assertTrue(Math.abs(expected[i] - numeric) <= RELATIVE * Math.max(Math.abs(expected[i]), Math.abs(numeric)) + ABSOLUTE,
                    "parameter " + i + ": analytic " + expected[i] + " vs numeric " + numeric);
        }
        float[] grad = new float[spec.parameterCount()];
        double lossSum = network.lossAndGradient(floats, batch, grad).lossSum();
        assertTrue(Math.abs(lossSum - expectedLossSum) <= FLOAT_RELATIVE * Math.abs(expectedLossSum),
                "loss " + lossSum + " vs " + expectedLossSum);
        int nonZero = 0;
        for (int i = 0; i < grad.length; i++) {
            assertTrue(Math.abs(grad[i] - expected[i]) <= FLOAT_RELATIVE * Math.abs(expected[i]) + FLOAT_ABSOLUTE,
                    "parameter " + i + ": float " + grad[i] + " vs double " + expected[i]);
            nonZero += expected[i] != 0 ? 1 : 0;
        }
        assertTrue(nonZero > 100, nonZero + " non-zero gradient entries");
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
