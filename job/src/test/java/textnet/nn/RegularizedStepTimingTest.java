package textnet.nn;

import org.junit.jupiter.api.Test;
import textnet.config.LayerConfig;
import textnet.config.ModelConfig;
import textnet.config.OptimizerConfig;
import textnet.config.OutputConfig;
import textnet.config.RegularizerConfig;
import textnet.optim.Optimizer;
import textnet.optim.SparseRows;
import textnet.text.MultiHotBatch;

import java.util.Arrays;
import java.util.List;

/**
 * What the options cost a training step of the IMDB network (as StepTimingTest, sparse input, batch
 * 512, rmsprop): the tutorial (W0's touched rows only), Dropout(0.5) after each hidden layer, and
 * l2 on each hidden kernel, whose W0 gradient fills every row, so W0's update is dense. Medians
 * printed to the test output, never asserted: the machine is shared. At batch 512 a batch touches
 * nearly every one of the 10,000 rows (130 of 10,000 per row), so the dense update costs little here.
 */
@org.junit.jupiter.api.Tag("timing")
class RegularizedStepTimingTest {

    @Test
    void imdbStepTimes() {
        RegularizerConfig l2 = new RegularizerConfig(0, 0.002);
        for (int round = 0; round < 2; round++) { // the first round also warms the JIT up for all three
        measure("tutorial", List.of(new LayerConfig(16, "relu"), new LayerConfig(16, "relu")));
        measure("dropout 0.5", List.of(new LayerConfig(16, "relu"), LayerConfig.dropout(0.5),
                new LayerConfig(16, "relu"), LayerConfig.dropout(0.5)));
        measure("l2 0.002 (dense W0 update)", List.of(new LayerConfig(16, "relu", l2, null), new LayerConfig(16, "relu", l2, null)));
        }
    }

    private static void measure(String name, List<LayerConfig> layers) {
        NetworkSpec spec = NetworkSpec.of(new ModelConfig(layers, new OutputConfig("auto", "auto"), "sparse"), 10_000, 2);
        boolean sparseRows = !spec.layers().get(0).regularized();
        Network network = new Network(spec);
        Optimizer rmsprop = Optimizer.of(new OptimizerConfig("rmsprop", 0.001, 0.9, 0, 0.9, 0.999, 1e-7));
        float[] params = network.initialParameters(42);
        float[] grad = new float[spec.parameterCount()];
        float[] state = new float[rmsprop.stateSize(spec.parameterCount())];
        MultiHotBatch[] batches = new MultiHotBatch[4];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = Batches.random(512, 10_000, 130, 2, i);
        }
        int warmup = 200;
        long[] step = new long[200];
        for (int i = -warmup; i < step.length; i++) {
            MultiHotBatch batch = batches[Math.floorMod(i, batches.length)];
            long t0 = System.nanoTime();
            int[] touched = sparseRows ? batch.distinctIndices(10_000) : null;
            network.lossAndGradient(params, batch, grad, touched, DropoutMask.stepSeed(42, 1, 0, i + warmup));
            rmsprop.step(params, grad, state, warmup + i + 1, touched == null ? null : new SparseRows(0, 16, 10_000, touched));
            if (i >= 0) {
                step[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(step);
        System.out.printf("IMDB step, %s, batch 512, median of %d: %.3f ms%n", name, step.length, step[step.length / 2] / 1e6);
    }
}
