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
        sameParametersAfterSteps(optimizerName, false);
    }

    /** The same with values (count, tf-idf): both first layers multiply by them. */
    @ParameterizedTest
    @ValueSource(strings = {"rmsprop", "adam"})
    void sameParametersAfterStepsOnRowsWithValues(String optimizerName) {
        sameParametersAfterSteps(optimizerName, true);
    }

    private static void sameParametersAfterSteps(String optimizerName, boolean values) {
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
                MultiHotBatch batch = values ? Batches.randomWithValues(step == 5 ? 7 : 32, 200, 20, 2, step)
                        : Batches.random(step == 5 ? 7 : 32, 200, 20, 2, step);
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

    /**
     * {@link #gradientsAgreeAndOverwriteGarbage} on rows with values: the same gradients (and loss)
     * from both paths, untouched rows of W0 exactly 0, and a touched row's gradient scaled by the
     * value (a row's only index with value 2 doubles its share against value 1).
     */
    @Test
    void gradientsAgreeOnRowsWithValues() {
        float[][] grads = new float[2][];
        double[] losses = new double[2];
        MultiHotBatch batch = Batches.withValues(Batches.of(new int[][]{{0, 4, 9}, {4, 29}, {1, 2, 3}}, 2, 0, 1),
                new float[][]{{3f, 0.5f, 1.25f}, {2f, 0.75f}, {1f, 4.5f, 0.2f}});
        for (int path = 0; path < 2; path++) {
            NetworkSpec spec = new NetworkSpec(30, List.of(
                    new DenseSpec(30, 11, Activation.TANH),
                    new DenseSpec(11, 3, Activation.SOFTMAX)), Loss.CATEGORICAL_CROSSENTROPY, path == 0);
            Network network = new Network(spec);
            float[] params = network.initialParameters(3);
            float[] grad = new float[spec.parameterCount()];
            java.util.Arrays.fill(grad, 7f);
            losses[path] = network.lossAndGradient(params, batch, grad).lossSum();
            grads[path] = grad;
            for (int untouched : new int[]{5, 6, 10, 28}) {
                for (int u = 0; u < 11; u++) {
                    assertEquals(0f, grad[untouched * 11 + u]);
                }
            }
            // index 0 is in row 0 only (value 3), index 9 too (value 1.25): dW0[0] = 3/1.25 dW0[9]
            for (int u = 0; u < 11; u++) {
                assertEquals(grad[9 * 11 + u] * 3f / 1.25f, grad[u], 1e-6f + 1e-5f * Math.abs(grad[u]));
            }
        }
        assertArrayEquals(grads[1], grads[0], 1e-6f);
        assertEquals(losses[1], losses[0], 1e-5);
    }

    /**
     * Values of 1 given explicitly are the multi-hot function: the loops with values and without give
     * bit-identical losses, gradients and predictions on both paths.
     */
    @Test
    void valuesOfOneAreMultiHot() {
        MultiHotBatch multiHot = Batches.random(19, 60, 9, 3, 4);
        MultiHotBatch ones = Batches.withOnes(multiHot);
        for (boolean sparse : new boolean[]{true, false}) {
            NetworkSpec spec = new NetworkSpec(60, List.of(
                    new DenseSpec(60, 13, Activation.RELU),
                    new DenseSpec(13, 3, Activation.SOFTMAX)), Loss.CATEGORICAL_CROSSENTROPY, sparse);
            Network network = new Network(spec);
            float[] params = network.initialParameters(9);
            float[] a = new float[spec.parameterCount()];
            float[] b = new float[spec.parameterCount()];
            assertEquals(network.lossAndGradient(params, multiHot, a).lossSum(),
                    network.lossAndGradient(params, ones, b).lossSum());
            assertArrayEquals(a, b);
            assertArrayEquals(network.predict(params, multiHot), network.predict(params, ones));
        }
    }

    /**
     * The first layer's product by hand: a single linear unit over 20 inputs (blocks of 8 do not
     * apply: one unit is the remainder loop) and over 20 x 9 units (one block of 8 and one left), each
     * output {@code b + sum of v_i W[i]}, on both paths; the value actually weighs the row of W0.
     */
    @Test
    void firstLayerSumsTheRowsOfW0TimesTheValues() {
        int[][] rows = {{1, 7, 19}, {}, {0, 7}};
        float[][] values = {{2f, 0.5f, 3f}, {}, {1.5f, 4f}};
        MultiHotBatch batch = Batches.withValues(Batches.of(rows, 0, 0, 0), values);
        for (int units : new int[]{1, 9}) {
            for (boolean sparse : new boolean[]{true, false}) {
                NetworkSpec spec = new NetworkSpec(20, List.of(new DenseSpec(20, units, Activation.LINEAR)), Loss.MSE, sparse);
                Network network = new Network(spec);
                float[] params = network.initialParameters(2);
                for (int u = 0; u < units; u++) {
                    params[(int) spec.biasOffset(0) + u] = 0.25f * (u + 1);
                }
                float[] out = network.predict(params, batch);
                for (int r = 0; r < rows.length; r++) {
                    for (int u = 0; u < units; u++) {
                        double expected = params[(int) spec.biasOffset(0) + u];
                        for (int k = 0; k < rows[r].length; k++) {
                            expected += values[r][k] * params[(int) spec.weightOffset(0) + rows[r][k] * units + u];
                        }
                        assertEquals(expected, out[r * units + u], 1e-5, "units " + units + ", sparse " + sparse
                                + ", row " + r + ", unit " + u);
                    }
                }
                assertEquals(params[(int) spec.biasOffset(0)], out[units], "the empty row is the bias");
            }
        }
    }

    /**
     * A batch's columns and values may run on past its rows (a training task reuses them from batch to
     * batch): both paths read only what the offsets bound, so garbage there (columns out of range)
     * changes nothing, to the bit.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void arraysRunningPastTheBatchAreNotRead(boolean values) {
        for (boolean sparse : new boolean[] {true, false}) {
            NetworkSpec spec = new NetworkSpec(200, List.of(new DenseSpec(200, 11, Activation.RELU),
                    new DenseSpec(11, 1, Activation.SIGMOID)), Loss.BINARY_CROSSENTROPY, sparse);
            Network network = new Network(spec);
            float[] params = network.initialParameters(3);
            MultiHotBatch batch = values ? Batches.randomWithValues(32, 200, 20, 2, 9) : Batches.random(32, 200, 20, 2, 9);
            int[] longer = java.util.Arrays.copyOf(batch.indices(), batch.indices().length + 40);
            java.util.Arrays.fill(longer, batch.indices().length, longer.length, 1_000_000);
            float[] longerValues = values ? java.util.Arrays.copyOf(batch.values(), longer.length) : null;
            MultiHotBatch padded = new MultiHotBatch(batch.size(), batch.rowOffsets(), longer, batch.labels(), null,
                    longerValues);
            float[] grad = new float[spec.parameterCount()];
            float[] paddedGrad = new float[spec.parameterCount()];
            assertEquals(network.lossAndGradient(params, batch, grad), network.lossAndGradient(params, padded, paddedGrad));
            assertArrayEquals(grad, paddedGrad);
            assertArrayEquals(network.predict(params, batch), network.predict(params, padded));
        }
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
