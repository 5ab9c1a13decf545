package textnet.train;

import org.junit.jupiter.api.Test;
import textnet.config.LayerConfig;
import textnet.config.ModelConfig;
import textnet.config.OptimizerConfig;
import textnet.config.OutputConfig;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlock;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partition's epochs with the sparse first layer (touched rows only, lazy rmsprop) against the
 * dense first layer (full matrix, every row updated every step): the same parameters and
 * optimizer state to 1e-5 (absolute; weights start near 0.3) after three epochs of 13 steps: the paths
 * add in different orders, so they differ by rounding only.
 */
class SparseDenseTrainingTest {

    static NetworkSpec spec(String input, int classes) {
        return NetworkSpec.of(new ModelConfig(List.of(new LayerConfig(8, "relu"), new LayerConfig(8, "relu")),
                new OutputConfig("auto", "auto"), input), TrainerTest.INPUTS, classes);
    }

    static float[] train(String input, String optimizer, MultiHotBlock block) {
        OptimizerConfig opt = new OptimizerConfig(optimizer, 0.01, 0.9, 0.9, 0.9, 0.999, 1e-7);
        NetworkSpec spec = spec(input, 2);
        TrainingState state = new Trainer(spec(input, 2), new textnet.config.TrainConfig(3, 8, 1, 5, opt)).initialState();
        for (int epoch = 1; epoch <= 3; epoch++) {
            PartitionResult r = new PartitionStep(null, spec, opt, 8, 5, epoch).train(state, block, 0);
            state = new TrainingState(r.parameters(), r.optimizerState(), state.iteration() + r.steps());
        }
        float[] both = new float[state.parameters().length + state.optimizerState().length];
        System.arraycopy(state.parameters(), 0, both, 0, state.parameters().length);
        System.arraycopy(state.optimizerState(), 0, both, state.parameters().length, state.optimizerState().length);
        return both;
    }

    @Test
    void sparseAndDenseFirstLayerGiveTheSameParametersAndState() {
        // batches of 8 rows of 6 indices out of 50: most W0 rows are untouched in any one step
        MultiHotBlock block = MultiHotBlock.of(TrainerTest.rows(100, 9).iterator());
        for (String optimizer : List.of("rmsprop", "adam", "sgd")) {
            float[] sparse = train("sparse", optimizer, block);
            float[] dense = train("dense", optimizer, block);
            assertEquals(dense.length, sparse.length);
            double worst = 0;
            int at = 0;
            for (int i = 0; i < dense.length; i++) {
                double d = Math.abs(dense[i] - sparse[i]);
                if (d > worst) {
                    worst = d;
                    at = i;
                }
            }
            assertTrue(worst < 1e-5, optimizer + ": worst absolute difference " + worst + " at " + at + " of "
                    + dense.length + ": " + dense[at] + " vs " + sparse[at]);
        }
    }
}
