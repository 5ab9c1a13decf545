package textnet.nn;

import org.junit.jupiter.api.Test;
import textnet.eval.Predictions;
import textnet.text.MultiHotBatch;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Training's accuracy and the reported predictions use one rule, also for a logit so small that its
 * probability rounds to exactly 0.5f (or two softmax outputs that round to the same float): there
 * the logit alone said class 1 (or the later unit) while the reported probability says otherwise.
 */
class PredictedClassTest {

    /** A net with no weights worth speaking of: every row's logits are the biases. */
    private static float[] biasesOnly(NetworkSpec spec, float... biases) {
        float[] params = new float[spec.parameterCount()];
        System.arraycopy(biases, 0, params, (int) spec.biasOffset(0), biases.length);
        return params;
    }

    @Test
    void binaryLogitWhoseProbabilityRoundsToOneHalf() {
        NetworkSpec spec = new NetworkSpec(3, List.of(new DenseSpec(3, 1, Activation.SIGMOID)),
                Loss.BINARY_CROSSENTROPY, true);
        Network network = new Network(spec);
        float[] params = biasesOnly(spec, 1e-8f);
        MultiHotBatch rows = Batches.of(new int[][]{{0}, {1, 2}}, 0, 0);

        float[] probabilities = network.predict(params, rows);
        assertArrayEquals(new float[]{0.5f, 0.5f}, probabilities);
        Predictions reported = new Predictions(1, probabilities, rows.labels());
        assertEquals(0, reported.predictedClass(0));
        assertEquals(0, reported.predictedClass(1));
        // both rows are class 0, right, in training's count and in the metrics alike
        assertEquals(2, network.evaluate(params, rows).correct());
        assertEquals(2, network.score(params, rows).stats().correct());
    }

    @Test
    void softmaxOutputsThatRoundToTheSameFloatGoToTheFirstUnit() {
        NetworkSpec spec = new NetworkSpec(3, List.of(new DenseSpec(3, 2, Activation.SOFTMAX)),
                Loss.CATEGORICAL_CROSSENTROPY, false);
        Network network = new Network(spec);
        float[] params = biasesOnly(spec, 0f, 1e-8f);
        MultiHotBatch rows = Batches.of(new int[][]{{0}, {2}}, 0, 0);

        float[] probabilities = network.predict(params, rows);
        assertArrayEquals(new float[]{0.5f, 0.5f, 0.5f, 0.5f}, probabilities);
        assertEquals(0, new Predictions(2, probabilities, rows.labels()).predictedClass(0));
        assertEquals(2, network.evaluate(params, rows).correct());
    }

    @Test
    void clearLogitsDecideAsTheirProbabilities() {
        NetworkSpec spec = new NetworkSpec(3, List.of(new DenseSpec(3, 3, Activation.SOFTMAX)),
                Loss.CATEGORICAL_CROSSENTROPY, true);
        Network network = new Network(spec);
        float[] params = biasesOnly(spec, 0.2f, 0.5f, 0.499f);
        MultiHotBatch rows = Batches.of(new int[][]{{0}}, 1);
        float[] probabilities = network.predict(params, rows);
        assertEquals(1, PredictedClass.of(probabilities, 0, 3));
        assertEquals(1, network.evaluate(params, rows).correct());
    }
}
