package textnet.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import textnet.config.LayerConfig;
import textnet.config.ModelConfig;
import textnet.config.OptimizerConfig;
import textnet.config.OutputConfig;
import textnet.optim.Optimizer;

import java.util.List;

/**
 * Measures one training step of the IMDB network (10,000 inputs, Dense 16 relu, Dense 16 relu,
 * Dense 1 sigmoid, batch 512, ~130 active indices per row, rmsprop) on both input paths and prints
 * it to the test output. Timing is reported, never asserted: the machine is shared.
 */
class StepTimingTest {

    @Test
    void imdbStepTimes() {
        System.out.println(measure("sparse", 200, 300));
        System.out.println(measure("dense", 5, 20));
    }

    private static String measure(String input, int warmup, int timed) {
        NetworkSpec spec = NetworkSpec.of(new ModelConfig(List.of(new LayerConfig(16, "relu"), new LayerConfig(16, "relu")),
                new OutputConfig("auto", "auto"), input), 10_000, 2);
        Network network = new Network(spec, DataType.FLOAT);
        Optimizer rmsprop = Optimizer.of(new OptimizerConfig("rmsprop", 0.001, 0.9, 0, 0.9, 0.999, 1e-7));
        INDArray params = network.initialParameters(42);
        INDArray grad = Nd4j.create(DataType.FLOAT, 1, spec.parameterCount());
        INDArray state = Nd4j.zeros(DataType.FLOAT, 1, rmsprop.stateSize(spec.parameterCount()));
        MultiHotBatch[] batches = new MultiHotBatch[4];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = Batches.random(512, 10_000, 130, 2, i);
        }
        for (int step = 1; step <= warmup; step++) {
            network.lossAndGradient(params, batches[step % batches.length], grad);
            rmsprop.step(params, grad, state, step);
        }
        long gradientNanos = 0;
        long optimizerNanos = 0;
        for (int step = 1; step <= timed; step++) {
            long start = System.nanoTime();
            network.lossAndGradient(params, batches[step % batches.length], grad);
            long middle = System.nanoTime();
            rmsprop.step(params, grad, state, warmup + step);
            optimizerNanos += System.nanoTime() - middle;
            gradientNanos += middle - start;
        }
        long forwardNanos = 0;
        long sparseNanos = 0;
        MultiHotInput firstLayer = new MultiHotInput(10_000, 16);
        HostValues w0 = HostValues.of(params.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 160_000)));
        HostValues b0 = HostValues.of(params.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(160_000, 160_016)));
        HostValues z = HostValues.of(Nd4j.create(DataType.FLOAT, 512, 16));
        HostValues dW0 = HostValues.of(grad.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 160_000)));
        for (int step = 1; step <= timed; step++) {
            long start = System.nanoTime();
            network.evaluate(params, batches[step % batches.length]);
            long middle = System.nanoTime();
            if (input.equals("sparse")) {
                firstLayer.forward(batches[step % batches.length], w0, b0, z);
                firstLayer.backward(batches[step % batches.length], z, dW0);
            }
            sparseNanos += System.nanoTime() - middle;
            forwardNanos += middle - start;
        }
        System.out.printf("  %s: evaluate (forward only) %.3f ms; first layer forward+backward alone %.3f ms%n",
                input, forwardNanos / 1e6 / timed, sparseNanos / 1e6 / timed);
        return String.format("IMDB step, %s input, batch 512: %.3f ms (lossAndGradient %.3f ms + rmsprop %.3f ms), mean of %d steps",
                input, (gradientNanos + optimizerNanos) / 1e6 / timed, gradientNanos / 1e6 / timed,
                optimizerNanos / 1e6 / timed, timed);
    }
}
