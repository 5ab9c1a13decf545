package textnet.train;

import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.config.ConfigLoader;
import textnet.config.OptimizerConfig;
import textnet.config.TrainConfig;
import textnet.io.Checkpoints;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlock;
import textnet.text.MultiHotRow;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Dropout and kernel regularizers on Spark (local[2]): the distributed epochs are each replica's
 * PartitionStep run by hand then the average, bit for bit (the masks depend on the replica, not on
 * the executor), and a run resumed from its checkpoint equals the uninterrupted run.
 */
class DropoutReplicasTest {
    private static final NetworkSpec SPEC = DropoutTrainingTest.spec("sparse");

    @TempDir
    Path dir;

    private static TrainConfig config(int epochs, int batch, int replicas) {
        return new TrainConfig(epochs, batch, replicas, 7, new OptimizerConfig("rmsprop", 0.01, 0.9, 0.0, 0.9, 0.999, 1e-7),
                null, Integer.MAX_VALUE, "split-batch");
    }

    @Test
    void distributedEpochsAreTheReplicasByHandThenTheAverage() {
        List<MultiHotRow> data = TrainerTest.rows(600, 5);
        Trainer trainer = new Trainer(SPEC, config(2, 16, 2));
        JavaRDD<MultiHotBlock> blocks = TrainerTest.blocks(data, 2, Integer.MAX_VALUE, 3);
        Trainer.Result distributed = trainer.fit(blocks, null, EpochListener.watching(r -> { }));

        List<List<MultiHotBlock>> replicas = blocks.glom().collect();
        OptimizerConfig scaled = new OptimizerConfig("rmsprop", 0.01 * Math.sqrt(2), 0.9, 0.0, 0.9, 0.999, 1e-7);
        TrainingState state = trainer.initialState();
        for (int epoch = 1; epoch <= 2; epoch++) {
            ParameterSum sum = new ParameterSum();
            for (int r = 0; r < 2; r++) {
                sum.add(new PartitionStep(null, SPEC, scaled, 8, 7, epoch).train(state, replicas.get(r).iterator(), r));
            }
            state = sum.average(state);
        }
        assertArrayEquals(state.parameters(), distributed.state().parameters());
        assertArrayEquals(state.optimizerState(), distributed.state().optimizerState());
    }

    @Test
    void resumedRunEqualsUninterruptedRun() {
        JavaRDD<MultiHotBlock> train = TrainerTest.blocks(TrainerTest.rows(600, 2), 2, Integer.MAX_VALUE, 3);
        Trainer trainer = new Trainer(SPEC, config(4, 32, 2));
        Trainer.Result uninterrupted = trainer.fit(train, null, EpochListener.watching(r -> { }));

        Checkpoints checkpoints = new Checkpoints(dir.resolve("ck"), ConfigLoader.load(null, List.of("train.epochs=4")));
        trainer.fit(train, null, progress -> {
            checkpoints.save(progress);
            return progress.epoch() < 2;
        });
        Trainer.Result resumed = trainer.fit(train, null, EpochListener.watching(r -> { }), checkpoints.latest().orElseThrow());
        assertArrayEquals(uninterrupted.state().parameters(), resumed.state().parameters());
        assertArrayEquals(uninterrupted.state().optimizerState(), resumed.state().optimizerState());
        assertEquals(uninterrupted.state().iteration(), resumed.state().iteration());
    }
}
