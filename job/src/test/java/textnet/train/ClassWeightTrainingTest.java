package textnet.train;

import org.junit.jupiter.api.Test;
import textnet.config.LayerConfig;
import textnet.config.ModelConfig;
import textnet.config.OptimizerConfig;
import textnet.config.OutputConfig;
import textnet.config.TrainConfig;
import textnet.nn.ClassWeights;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlock;
import textnet.text.MultiHotRow;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Class weights reach every replica's step, and the guarantees hold with them: weights of 1 train to
 * the pinned bits and to the same bits as no weights on Spark; one partition with weights equals local
 * training with the same weights; weights that are not 1 change the model.
 */
class ClassWeightTrainingTest {

    private static final ClassWeights ONES = ClassWeights.of(1, 1);
    private static final ClassWeights SKEWED = ClassWeights.of(0.4, 2.5);

    /** FixedSeedParametersTest's first case, with every class weighing 1: its pinned hash. */
    @Test
    void weightsOfOneTrainToThePinnedBits() throws Exception {
        OptimizerConfig opt = new OptimizerConfig("rmsprop", 0.01, 0.9, 0.9, 0.9, 0.999, 1e-7);
        NetworkSpec spec = NetworkSpec.of(new ModelConfig(List.of(new LayerConfig(11, "relu"), new LayerConfig(8, "relu")),
                new OutputConfig("auto", "auto"), "sparse"), TrainerTest.INPUTS, 2);
        MultiHotBlock block = MultiHotBlock.of(TrainerTest.rows(60, 4).iterator());
        TrainingState state = new Trainer(spec, new TrainConfig(3, 8, 1, 5, opt)).initialState();
        for (int epoch = 1; epoch <= 3; epoch++) {
            PartitionResult r = new PartitionStep(null, spec, opt, 8, 5, epoch, null, ONES).train(state, block, 0);
            state = new TrainingState(r.parameters(), r.optimizerState(), state.iteration() + r.steps());
        }
        assertEquals("2bb9eb3d55326e2c", FixedSeedParametersTest.hash(state.parameters(), state.optimizerState()));
    }

    @Test
    void weightsOfOneOnSparkAreNoWeightsBitForBit() {
        List<MultiHotRow> data = TrainerTest.rows(300, 21);
        TrainConfig config = TrainerTest.config(3, 2, "rmsprop");
        Trainer.Result plain = new Trainer(TrainerTest.spec(), config)
                .fit(TrainerTest.blocks(data, 2, Integer.MAX_VALUE, 3), null, EpochListener.watching(r -> { }));
        Trainer.Result ones = new Trainer(TrainerTest.spec(), config, EpochProgress.NONE, ONES)
                .fit(TrainerTest.blocks(data, 2, Integer.MAX_VALUE, 3), null, EpochListener.watching(r -> { }));
        assertArrayEquals(plain.state().parameters(), ones.state().parameters());
        assertArrayEquals(plain.state().optimizerState(), ones.state().optimizerState());
        assertEquals(plain.history().stream().map(EpochRecord::loss).toList(),
                ones.history().stream().map(EpochRecord::loss).toList());
    }

    /** The weights travel with the task: one partition on Spark == PartitionStep locally with them. */
    @Test
    void onePartitionWithWeightsEqualsLocalTrainingWithThem() {
        List<MultiHotRow> data = TrainerTest.rows(200, 1);
        TrainConfig config = TrainerTest.config(3, 1, "adam");
        Trainer trainer = new Trainer(TrainerTest.spec(), config, EpochProgress.NONE, SKEWED);
        Trainer.Result distributed = trainer.fit(TrainerTest.blocks(data, 1, Integer.MAX_VALUE, 3), null,
                EpochListener.watching(r -> { }));

        TrainingState local = trainer.initialState();
        MultiHotBlock block = MultiHotBlock.of(data.iterator());
        double lossSum = 0;
        long rows = 0;
        for (int epoch = 1; epoch <= 3; epoch++) {
            PartitionResult r = new PartitionStep(null, TrainerTest.spec(), config.optimizer(), 16, 7, epoch, null, SKEWED)
                    .train(local, block, 0);
            local = new TrainingState(r.parameters(), r.optimizerState(), local.iteration() + r.steps());
            lossSum = r.lossSum();
            rows = r.rows();
        }
        assertArrayEquals(local.parameters(), distributed.state().parameters());
        assertEquals(local.iteration(), distributed.state().iteration());
        assertEquals(lossSum / rows, distributed.history().get(2).loss(), 1e-12, "the history's loss is the weighted one");

        Trainer.Result unweighted = new Trainer(TrainerTest.spec(), config)
                .fit(TrainerTest.blocks(data, 1, Integer.MAX_VALUE, 3), null, EpochListener.watching(r -> { }));
        assertFalse(java.util.Arrays.equals(unweighted.state().parameters(), distributed.state().parameters()),
                "weights other than 1 change the model");
    }
}
