package textnet.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import textnet.text.MultiHotBatch;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Class weights (Keras's {@code class_weight}) in the training loss: a weighted loss worked out by hand,
 * central differences of the weighted mean loss in double (ReferenceNetwork), the production float
 * network against that checked gradient, weights of 1 giving the same bits as no weights, and
 * evaluation (validation, test) left unweighted.
 */
class ClassWeightedLossTest {
    private static final double STEP = 1e-6;
    private static final ClassWeights WEIGHTS = ClassWeights.of(0.5, 3.0, 1.25);
    private static final ClassWeights BINARY_WEIGHTS = ClassWeights.of(0.25, 4.0);

    /**
     * Three rows of 3 logits, labels 0, 1, 2, weights 0.5, 3, 1.25. Row losses (logsumexp - z_y):
     * row 0 z = (1, 2, 3), y 0: log(e + e^2 + e^3) - 1 = 2.4076059644443804;
     * row 1 z = (0, 0, 0), y 1: log 3 = 1.0986122886681098;
     * row 2 z = (2, 0, 0), y 2: log(e^2 + 2) - 0 = 2.239544766221884.
     * Keras's sum_over_batch_size: (0.5 * 2.40760596 + 3 * 1.09861229 + 1.25 * 2.23954477) / 3 = 2.4330236020.
     */
    @Test
    void weightedLossOfThreeRowsByHand() {
        double[][] logits = {{1, 2, 3}, {0, 0, 0}, {2, 0, 0}};
        INDArray out = Nd4j.create(logits);
        INDArray delta = Nd4j.create(DataType.DOUBLE, 3, 3);
        double sum = Loss.CATEGORICAL_CROSSENTROPY.lossSum(HostValues.of(out), new int[]{0, 1, 2}, 3, 3,
                HostValues.of(delta), 1.0 / 3, null, WEIGHTS);
        double expected = 0.5 * 2.4076059644443804 + 3 * 1.0986122886681098 + 1.25 * 2.239544766221884;
        assertEquals(expected, sum, 1e-12);
        assertEquals(2.4330236020, sum / 3, 1e-10);
        // row 1's delta: its weight over the batch size times (1/3 - [j = 1])
        double[] d = delta.reshape(9).toDoubleVector();
        assertArrayEquals(new double[]{1.0 / 3, 1.0 / 3 - 1, 1.0 / 3}, Arrays.copyOfRange(d, 3, 6), 1e-15);
        // row 0's: 0.5 / 3 times (softmax - [j = 0])
        assertArrayEquals(new double[]{0.5 / 3 * (0.09003057317038046 - 1), 0.5 / 3 * 0.24472847105479764,
                0.5 / 3 * 0.6652409557748219}, Arrays.copyOfRange(d, 0, 3), 1e-15);
    }

    /** Every single-label output (class weights weigh a row's one class: multi-label data refuses them). */
    static Stream<GradientCheckTest.Output> outputs() {
        return GradientCheckTest.cases().map(a -> (GradientCheckTest.Output) a.get()[1]).distinct()
                .filter(o -> !o.multiLabel());
    }

    private static ClassWeights weightsFor(GradientCheckTest.Output output) {
        return output.units() == 1 ? BINARY_WEIGHTS : WEIGHTS;
    }

    /** Central differences of the weighted mean loss against the reference's analytic gradient. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void weightedGradientMatchesCentralDifferences(GradientCheckTest.Output output) {
        for (boolean sparse : new boolean[]{true, false}) {
            NetworkSpec spec = GradientCheckTest.spec(Activation.TANH, output, sparse);
            MultiHotBatch batch = GradientCheckTest.batch(output);
            ReferenceNetwork network = new ReferenceNetwork(spec, weightsFor(output));
            double[] params = randomized(new Network(spec).initialParameters(7));
            double[] grad = new double[params.length];
            network.lossAndGradient(params, batch, grad);
            for (int i = 0; i < params.length; i++) {
                double original = params[i];
                params[i] = original + STEP;
                double plus = network.meanLoss(params, batch);
                params[i] = original - STEP;
                double minus = network.meanLoss(params, batch);
                params[i] = original;
                double numeric = (plus - minus) / (2 * STEP);
                double error = Math.abs(grad[i] - numeric);
                assertTrue(error <= 1e-6 * Math.max(Math.abs(grad[i]), Math.abs(numeric)) + 1e-9,
                        "parameter " + i + ": analytic " + grad[i] + " vs numeric " + numeric);
            }
        }
    }

    /** The production float network's weighted loss and gradient against the checked reference. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void productionWeightedGradientMatchesTheReference(GradientCheckTest.Output output) {
        NetworkSpec spec = GradientCheckTest.spec(Activation.RELU, output, true);
        MultiHotBatch batch = GradientCheckTest.batch(output);
        Network network = new Network(spec, weightsFor(output));
        float[] params = network.initialParameters(7);
        double[] exact = new double[params.length];
        for (int i = 0; i < params.length; i++) {
            exact[i] = params[i];
        }
        float[] grad = new float[params.length];
        double[] expected = new double[params.length];
        double lossSum = network.lossAndGradient(params, batch, grad).lossSum();
        double expectedLossSum = new ReferenceNetwork(spec, weightsFor(output)).lossAndGradient(exact, batch, expected);
        assertEquals(expectedLossSum, lossSum, 1e-5 * Math.abs(expectedLossSum));
        for (int i = 0; i < params.length; i++) {
            assertEquals(expected[i], grad[i], 1e-5 * Math.abs(expected[i]) + 1e-6, "parameter " + i);
        }
    }

    /** Every weight 1 is no weights, bit for bit: loss sum, correct count and every gradient entry. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void weightsOfOneAreNoWeightsBitForBit(GradientCheckTest.Output output) {
        NetworkSpec spec = GradientCheckTest.spec(Activation.RELU, output, true);
        MultiHotBatch batch = GradientCheckTest.batch(output);
        ClassWeights ones = output.units() == 1 ? ClassWeights.of(1, 1) : ClassWeights.of(1, 1, 1);
        float[] params = new Network(spec).initialParameters(7);
        float[] plain = new float[params.length];
        float[] weighted = new float[params.length];
        BatchStats a = new Network(spec).lossAndGradient(params, batch, plain);
        BatchStats b = new Network(spec, ones).lossAndGradient(params, batch, weighted);
        assertEquals(Double.doubleToRawLongBits(a.lossSum()), Double.doubleToRawLongBits(b.lossSum()));
        assertEquals(a.correct(), b.correct());
        assertArrayEquals(plain, weighted);
    }

    /** Validation and test losses are unweighted (Keras applies class_weight to training only). */
    @Test
    void evaluationIgnoresTheWeights() {
        GradientCheckTest.Output output = new GradientCheckTest.Output(Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY, 3);
        NetworkSpec spec = GradientCheckTest.spec(Activation.RELU, output, true);
        MultiHotBatch batch = GradientCheckTest.batch(output);
        float[] params = new Network(spec).initialParameters(7);
        Network weighted = new Network(spec, WEIGHTS);
        BatchStats plain = new Network(spec).evaluate(params, batch);
        assertEquals(plain.lossSum(), weighted.evaluate(params, batch).lossSum());
        assertEquals(plain.lossSum(), weighted.score(params, batch).stats().lossSum());
        double trainingLoss = weighted.lossAndGradient(params, batch, new float[params.length]).lossSum();
        assertTrue(Math.abs(trainingLoss - plain.lossSum()) > 1e-3, "the training loss is weighted");
    }

    private static double[] randomized(float[] initial) {
        double[] params = new double[initial.length];
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < initial.length; i++) {
            params[i] = initial[i] + random.nextDouble(-0.05, 0.05);
        }
        return params;
    }
}
