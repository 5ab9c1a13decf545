package textnet.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import textnet.config.OptimizerConfig;
import textnet.optim.Optimizer;
import textnet.text.MultiHotBatch;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The two input paths compute the same function: same start, same steps, same parameters (FLOAT). */
class SparseDenseTest {

    @ParameterizedTest
    @ValueSource(strings = {"rmsprop", "adam"})
    void sameParametersAfterSteps(String optimizerName) {
        float[][] results = new float[2][];
        double[] losses = new double[2];
        for (int path = 0; path < 2; path++) {
            NetworkSpec spec = new NetworkSpec(200, List.of(
                    new DenseSpec(200, 16, Activation.RELU),
                    new DenseSpec(16, 16, Activation.RELU),
                    new DenseSpec(16, 1, Activation.SIGMOID)), Loss.BINARY_CROSSENTROPY, path == 0);
            Network network = new Network(spec);
            Optimizer optimizer = Optimizer.of(new OptimizerConfig(optimizerName, 0.01, 0.9, 0, 0.9, 0.999, 1e-7));
            float[] params = network.initialParameters(5);
            float[] grad = new float[spec.parameterCount()];
            float[] state = new float[optimizer.stateSize(spec.parameterCount())];
            for (int step = 1; step <= 5; step++) {
                // the last batch is smaller, as at the end of an epoch
                MultiHotBatch batch = Batches.random(step == 5 ? 7 : 32, 200, 20, 2, step);
                losses[path] += network.lossAndGradient(params, batch, grad).lossSum();
                optimizer.step(params, grad, state, step, null);
            }
            results[path] = params;
        }
        assertArrayEquals(results[1], results[0], 1e-5f);
        assertEquals(losses[1], losses[0], 1e-4);
    }

    /**
     * The gradient array holding garbage beforehand: both paths overwrite all of it, and rows of W0
     * that no input row touches get exactly 0; both agree. 11 first-layer units: the sparse path's
     * blocks of 8 and its remainder. (Views at an offset into larger ND4J arrays went with the
     * INDArray API; training passes whole heap arrays.)
     */
    @Test
    void gradientsAgreeAndOverwriteGarbage() {
        float[][] grads = new float[2][];
        for (int path = 0; path < 2; path++) {
            NetworkSpec spec = new NetworkSpec(30, List.of(
                    new DenseSpec(30, 11, Activation.TANH),
                    new DenseSpec(11, 3, Activation.SOFTMAX)), Loss.CATEGORICAL_CROSSENTROPY, path == 0);
            Network network = new Network(spec);
            float[] params = network.initialParameters(3);
            float[] grad = new float[spec.parameterCount()];
            java.util.Arrays.fill(grad, 7f);
            MultiHotBatch batch = Batches.of(new int[][]{{0, 4, 9}, {4, 29}, {1, 2, 3}}, 2, 0, 1);
            network.lossAndGradient(params, batch, grad);
            grads[path] = grad;
            for (int untouched : new int[]{5, 6, 10, 28}) {
                for (int u = 0; u < 11; u++) {
                    assertEquals(0f, grad[untouched * 11 + u]);
                }
            }
        }
        assertArrayEquals(grads[1], grads[0], 1e-6f);
    }

    @Test
    void emptyBatch() {
        NetworkSpec spec = new NetworkSpec(4, List.of(new DenseSpec(4, 1, Activation.SIGMOID)), Loss.BINARY_CROSSENTROPY, true);
        Network network = new Network(spec);
        MultiHotBatch empty = new MultiHotBatch(0, new int[]{0}, new int[0], new int[0]);
        float[] grad = {1, 1, 1, 1, 1};
        assertEquals(BatchStats.EMPTY, network.lossAndGradient(network.initialParameters(1), empty, grad));
        assertArrayEquals(new float[5], grad);
        assertEquals(0, network.predict(network.initialParameters(1), empty).length);
    }
}
