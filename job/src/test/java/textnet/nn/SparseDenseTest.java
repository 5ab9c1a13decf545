package textnet.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import textnet.config.OptimizerConfig;
import textnet.optim.Optimizer;

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
            Network network = new Network(spec, DataType.FLOAT);
            Optimizer optimizer = Optimizer.of(new OptimizerConfig(optimizerName, 0.01, 0.9, 0, 0.9, 0.999, 1e-7));
            INDArray params = network.initialParameters(5);
            INDArray grad = Nd4j.create(DataType.FLOAT, 1, spec.parameterCount());
            INDArray state = Nd4j.zeros(DataType.FLOAT, 1, optimizer.stateSize(spec.parameterCount()));
            for (int step = 1; step <= 5; step++) {
                // the last batch is smaller, as at the end of an epoch
                MultiHotBatch batch = Batches.random(step == 5 ? 7 : 32, 200, 20, 2, step);
                losses[path] += network.lossAndGradient(params, batch, grad).lossSum();
                optimizer.step(params, grad, state, step);
            }
            results[path] = params.toFloatVector();
        }
        assertArrayEquals(results[1], results[0], 1e-5f);
        assertEquals(losses[1], losses[0], 1e-4);
    }
}
