package textnet.train;

import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import textnet.config.OptimizerConfig;
import textnet.config.TrainConfig;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Counting a partition's rows for the progress line leaves its epoch bit for bit as it was. */
class EpochProgressTest {

    @Test
    void aPartitionCountsEachOfItsRowsOnceAndTrainsExactlyAsWithoutACounter() {
        MultiHotBlock block = MultiHotBlock.of(TrainerTest.rows(100, 9).iterator()); // 13 batches of 8, the last of 4
        OptimizerConfig opt = new OptimizerConfig("rmsprop", 0.01, 0.9, 0.9, 0.9, 0.999, 1e-7);
        NetworkSpec spec = SparseDenseTrainingTest.spec("sparse", 2);
        TrainingState start = new Trainer(spec, new TrainConfig(1, 8, 1, 5, opt)).initialState();
        LongAccumulator rows = new LongAccumulator();

        PartitionResult plain = new PartitionStep(null, spec, opt, 8, 5, 1).train(start, block, 0);
        PartitionResult counted = new PartitionStep(null, spec, opt, 8, 5, 1, rows).train(start, block, 0);

        assertEquals(100, rows.value());
        assertEquals(13, rows.count(), "one add per mini-batch");
        assertArrayEquals(plain.parameters(), counted.parameters());
        assertArrayEquals(plain.optimizerState(), counted.optimizerState());
        assertEquals(plain.lossSum(), counted.lossSum());
    }
}
