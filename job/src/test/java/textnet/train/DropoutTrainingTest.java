package textnet.train;

import org.junit.jupiter.api.Test;
import textnet.config.LayerConfig;
import textnet.config.ModelConfig;
import textnet.config.OptimizerConfig;
import textnet.config.OutputConfig;
import textnet.config.RegularizerConfig;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlock;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partition's epochs with dropout and kernel regularizers: a pure function of (state, rows, seed,
 * epoch, replica) (a retried task, a second run and a resumed run give the same bits), masks that
 * change with the seed, and a regularized sparse first layer (dense W0 update) that trains as the
 * dense first layer does.
 */
class DropoutTrainingTest {
    private static final OptimizerConfig RMSPROP = new OptimizerConfig("rmsprop", 0.01, 0.9, 0.9, 0.9, 0.999, 1e-7);

    static NetworkSpec spec(String input) {
        RegularizerConfig l1l2 = new RegularizerConfig(0.001, 0.002);
        return NetworkSpec.of(new ModelConfig(List.of(new LayerConfig(8, "relu", l1l2, null), LayerConfig.dropout(0.5),
                new LayerConfig(8, "relu", l1l2, null), LayerConfig.dropout(0.3)),
                new OutputConfig("auto", "auto"), input), TrainerTest.INPUTS, 2);
    }

    /** Three epochs from the initial state, each one replica's step; the last parameters then optimizer state. */
    static float[] train(String input, long seed, MultiHotBlock block) {
        NetworkSpec spec = spec(input);
        TrainingState state = new Trainer(spec, new textnet.config.TrainConfig(3, 8, 1, seed, RMSPROP)).initialState();
        for (int epoch = 1; epoch <= 3; epoch++) {
            PartitionResult r = new PartitionStep(null, spec, RMSPROP, 8, seed, epoch).train(state, block, 1);
            state = new TrainingState(r.parameters(), r.optimizerState(), state.iteration() + r.steps());
        }
        float[] both = new float[state.parameters().length + state.optimizerState().length];
        System.arraycopy(state.parameters(), 0, both, 0, state.parameters().length);
        System.arraycopy(state.optimizerState(), 0, both, state.parameters().length, state.optimizerState().length);
        return both;
    }

    @Test
    void sameSeedSameBitsAnotherSeedOtherBits() {
        MultiHotBlock block = MultiHotBlock.of(TrainerTest.rows(100, 9).iterator());
        assertArrayEquals(train("sparse", 5, block), train("sparse", 5, block));
        assertFalse(java.util.Arrays.equals(train("sparse", 5, block), train("sparse", 6, block)));
    }

    /** An epoch's step depends on its start state only: an epoch replayed from a saved state (resume, retry) gives the same bits. */
    @Test
    void anEpochReplayedFromItsStartStateGivesTheSameBits() {
        MultiHotBlock block = MultiHotBlock.of(TrainerTest.rows(100, 9).iterator());
        NetworkSpec spec = spec("sparse");
        TrainingState start = new Trainer(spec, new textnet.config.TrainConfig(3, 8, 1, 5, RMSPROP)).initialState();
        PartitionResult first = new PartitionStep(null, spec, RMSPROP, 8, 5, 2).train(start, block, 1);
        PartitionResult again = new PartitionStep(null, spec, RMSPROP, 8, 5, 2).train(start, block, 1);
        assertArrayEquals(first.parameters(), again.parameters());
        assertEquals(first.lossSum(), again.lossSum());
    }

    /** The regularized W0 is updated densely on the sparse path: the same model as the dense input path, to rounding. */
    @Test
    void aRegularizedSparseFirstLayerTrainsAsTheDenseOne() {
        MultiHotBlock block = MultiHotBlock.of(TrainerTest.rows(100, 9).iterator());
        float[] sparse = train("sparse", 5, block);
        float[] dense = train("dense", 5, block);
        double worst = 0;
        for (int i = 0; i < dense.length; i++) {
            worst = Math.max(worst, Math.abs(dense[i] - sparse[i]));
        }
        assertTrue(worst < 1e-5, "worst absolute difference " + worst);
    }
}
