package textnet.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central finite differences in double precision against {@link Network#lossAndGradient}, for every
 * parameter of a tiny net (7 inputs, hidden 5 and 4 units, batch of 4 handmade rows): every
 * activation as a hidden layer, every output/loss pairing, both input paths.
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

    private static final int[][] ROWS = {{0, 2, 5}, {1, 2}, {3, 4, 6}, {0, 6}};

    record Output(Activation activation, Loss loss, int units) {
    }

    static Stream<Arguments> cases() {
        List<Output> outputs = List.of(
                new Output(Activation.SIGMOID, Loss.BINARY_CROSSENTROPY, 1),
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

    @ParameterizedTest(name = "hidden {0}, output {1}, sparse {2}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(Activation hidden, Output output, boolean sparse) {
        NetworkSpec spec = new NetworkSpec(7, List.of(
                new DenseSpec(7, 5, hidden),
                new DenseSpec(5, 4, hidden == Activation.LINEAR ? Activation.TANH : hidden),
                new DenseSpec(4, output.units(), output.activation())), output.loss(), sparse);
        int[] labels = output.units() == 1 ? new int[]{1, 0, 0, 1} : new int[]{2, 0, 1, 2};
        MultiHotBatch batch = Batches.of(ROWS, labels);
        Network network = new Network(spec, DataType.DOUBLE);
        INDArray params = withRandomBiases(spec, network.initialParameters(7));
        INDArray grad = Nd4j.create(DataType.DOUBLE, 1, spec.parameterCount());

        network.lossAndGradient(params, batch, grad);

        for (int i = 0; i < spec.parameterCount(); i++) {
            double original = params.getDouble(0, i);
            params.putScalar(0, i, original + STEP);
            double plus = network.evaluate(params, batch).meanLoss();
            params.putScalar(0, i, original - STEP);
            double minus = network.evaluate(params, batch).meanLoss();
            params.putScalar(0, i, original);
            double numeric = (plus - minus) / (2 * STEP);
            double analytic = grad.getDouble(0, i);
            double error = Math.abs(analytic - numeric);
            assertTrue(error <= RELATIVE * Math.max(Math.abs(analytic), Math.abs(numeric)) + ABSOLUTE,
                    "parameter " + i + ": analytic " + analytic + " vs numeric " + numeric);
        }
    }

    /** Zero biases would leave the bias gradients' checks weaker; give them small random values. */
    private static INDArray withRandomBiases(NetworkSpec spec, INDArray params) {
        SplittableRandom random = new SplittableRandom(11);
        for (int l = 0; l < spec.layers().size(); l++) {
            for (int u = 0; u < spec.layers().get(l).units(); u++) {
                params.putScalar(0, spec.biasOffset(l) + u, random.nextDouble(-0.5, 0.5));
            }
        }
        return params;
    }
}
