package textnet.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import textnet.config.LayerConfig;
import textnet.config.ModelConfig;
import textnet.config.OptimizerConfig;
import textnet.config.OutputConfig;
import textnet.optim.Optimizer;
import textnet.optim.SparseRows;
import textnet.text.MultiHotBatch;

import java.util.Arrays;
import java.util.List;

/**
 * Measures one training step of the IMDB network (10,000 inputs, Dense 16 relu, Dense 16 relu,
 * Dense 1 sigmoid, batch 512, ~130 active indices per row, rmsprop) on both input paths and prints
 * medians to the test output. Timing is reported, never asserted: the machine is shared, hence medians.
 */
@org.junit.jupiter.api.Tag("timing")
class StepTimingTest {

    @Test
    void imdbStepTimes() {
        measure("sparse", 300, 300);
        measure("dense", 10, 30);
    }

    private static void measure(String input, int warmup, int timed) {
        NetworkSpec spec = NetworkSpec.of(new ModelConfig(List.of(new LayerConfig(16, "relu"), new LayerConfig(16, "relu")),
                new OutputConfig("auto", "auto"), input), 10_000, 2);
        Network network = new Network(spec);
        Optimizer rmsprop = Optimizer.of(new OptimizerConfig("rmsprop", 0.001, 0.9, 0, 0.9, 0.999, 1e-7));
        float[] params = network.initialParameters(42);
        float[] grad = new float[spec.parameterCount()];
        float[] state = new float[rmsprop.stateSize(spec.parameterCount())];
        MultiHotBatch[] batches = new MultiHotBatch[4];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = Batches.random(512, 10_000, 130, 2, i);
        }
        MultiHotInput firstLayer = new MultiHotInput(10_000, 16);
        HostValues b0 = HostValues.of(Nd4j.create(DataType.FLOAT, 1, 16));
        HostValues z = HostValues.of(Nd4j.create(DataType.FLOAT, 512, 16));

        long[] step = new long[timed];
        long[] gradient = new long[timed];
        long[] update = new long[timed];
        long[] forward = new long[timed];
        long[] sparseLayer = new long[timed];
        for (int i = -warmup; i < timed; i++) {
            MultiHotBatch batch = batches[Math.floorMod(i, batches.length)];
            long t0 = System.nanoTime();
            // as training runs it: W0's gradient in the touched rows only, rmsprop told which
            int[] touched = input.equals("sparse") ? batch.distinctIndices(10_000) : null;
            network.lossAndGradient(params, batch, grad, touched);
            long t1 = System.nanoTime();
            rmsprop.step(params, grad, state, warmup + i + 1, touched == null ? null : new SparseRows(0, 16, 10_000, touched));
            long t2 = System.nanoTime();
            network.evaluate(params, batch);
            long t3 = System.nanoTime();
            if (input.equals("sparse")) {
                firstLayer.forward(batch, params, 0, b0, z);
                firstLayer.backward(batch, z, grad, 0, touched);
            }
            long t4 = System.nanoTime();
            if (i >= 0) {
                step[i] = t2 - t0;
                gradient[i] = t1 - t0;
                update[i] = t2 - t1;
                forward[i] = t3 - t2;
                sparseLayer[i] = t4 - t3;
            }
        }
        System.out.printf("IMDB step, %s input, batch 512, medians of %d: step %.3f ms = lossAndGradient %.3f ms"
                        + " + rmsprop %.3f ms; forward only %.3f ms; multi-hot first layer forward+backward %.3f ms%n",
                input, timed, median(step), median(gradient), median(update), median(forward),
                input.equals("sparse") ? median(sparseLayer) : Double.NaN);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
