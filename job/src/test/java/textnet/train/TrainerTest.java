package textnet.train;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import textnet.SparkTestSupport;
import textnet.config.LayerConfig;
import textnet.config.ModelConfig;
import textnet.config.OptimizerConfig;
import textnet.config.OutputConfig;
import textnet.config.TrainConfig;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlock;
import textnet.text.MultiHotBlocks;
import textnet.text.MultiHotRow;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The distributed loop against the local one, on a small learnable problem. */
class TrainerTest {

    static final int INPUTS = 50;

    /** Class = whether the row holds more "positive" (index < 25) than "negative" words. */
    static List<MultiHotRow> rows(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MultiHotRow> rows = new ArrayList<>();
        while (rows.size() < n) {
            int[] idx = random.ints(0, INPUTS).distinct().limit(6).sorted().toArray();
            long pos = java.util.Arrays.stream(idx).filter(i -> i < 25).count();
            if (pos != 3) {
                rows.add(new MultiHotRow(pos > 3 ? 1 : 0, idx));
            }
        }
        return rows;
    }

    static TrainConfig config(int epochs, int partitions, String optimizer) {
        return new TrainConfig(epochs, 16, partitions, 7,
                new OptimizerConfig(optimizer, 0.01, 0.9, 0.0, 0.9, 0.999, 1e-7));
    }

    static NetworkSpec spec() {
        return NetworkSpec.of(new ModelConfig(List.of(new LayerConfig(8, "relu")),
                new OutputConfig("auto", "auto"), "sparse"), INPUTS, 2);
    }

    private JavaRDD<MultiHotBlock> blocks(List<MultiHotRow> rows, int partitions) {
        return blocks(rows, partitions, Integer.MAX_VALUE, 3);
    }

    /** @param sourcePartitions how many partitions the rows come from before they are dealt */
    static JavaRDD<MultiHotBlock> blocks(List<MultiHotRow> rows, int partitions, int blockRows, int sourcePartitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkTestSupport.spark().sparkContext());
        List<scala.Tuple2<String, MultiHotRow>> byId = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            byId.add(new scala.Tuple2<>(String.format("row-%05d", i), rows.get(i)));
        }
        return MultiHotBlocks.deal(sc.parallelizePairs(byId, sourcePartitions), partitions, blockRows, "test rows");
    }

    /**
     * A replica's rows in blocks of at most block-rows rows (what a task holds at once), each row in
     * exactly one block, the same blocks however the rows came in, trained one block after another:
     * the same bits as PartitionStep over the same blocks locally, and it still learns.
     */
    @Test
    void replicasTrainOverBoundedBlocksInSequence() {
        List<MultiHotRow> data = rows(1000, 11);
        int blockRows = 70;
        List<List<MultiHotBlock>> dealt = blocks(data, 2, blockRows, 3).glom().collect();
        int total = 0;
        for (List<MultiHotBlock> replica : dealt) {
            assertTrue(replica.size() >= 1000 / 2 / blockRows, "a replica's rows span several blocks: " + replica.size());
            for (MultiHotBlock b : replica) {
                assertTrue(b.size() <= blockRows, "a block holds at most block-rows rows: " + b.size());
                total += b.size();
            }
        }
        assertEquals(1000, total, "every row in exactly one block");
        List<List<MultiHotBlock>> again = blocks(data, 2, blockRows, 7).glom().collect();
        for (int r = 0; r < 2; r++) {
            assertEquals(dealt.get(r).size(), again.get(r).size());
            for (int b = 0; b < dealt.get(r).size(); b++) {
                MultiHotBlock x = dealt.get(r).get(b);
                MultiHotBlock y = again.get(r).get(b);
                assertEquals(x.size(), y.size());
                for (int i = 0; i < x.size(); i++) {
                    assertEquals(x.label(i), y.label(i));
                    assertArrayEquals(x.batch(i, i + 1).indices(), y.batch(i, i + 1).indices());
                }
            }
        }

        TrainConfig config = new TrainConfig(4, 16, 2, 7, new OptimizerConfig("rmsprop", 0.01, 0.9, 0.0, 0.9, 0.999, 1e-7),
                null, blockRows, "plain");
        Trainer trainer = new Trainer(spec(), config);
        Trainer.Result distributed = trainer.fit(blocks(data, 2, blockRows, 5), null, EpochListener.watching(r -> { }));
        TrainingState state = trainer.initialState();
        for (int epoch = 1; epoch <= 4; epoch++) {
            ParameterSum sum = new ParameterSum();
            for (int r = 0; r < 2; r++) {
                sum.add(new PartitionStep(null, spec(), config.optimizer(), 16, 7, epoch).train(state, dealt.get(r).iterator(), r));
            }
            state = sum.average(state);
        }
        assertArrayEquals(state.parameters(), distributed.state().parameters());
        assertTrue(distributed.history().get(3).accuracy() > 0.85, "learns over blocks: " + distributed.history());
    }

    @Test
    void onePartitionEqualsLocalTrainingExactly() {
        List<MultiHotRow> data = rows(200, 1);
        TrainConfig config = config(3, 1, "adam");
        Trainer trainer = new Trainer(spec(), config);
        Trainer.Result distributed = trainer.fit(blocks(data, 1), null, EpochListener.watching(r -> { }));

        TrainingState local = trainer.initialState();
        MultiHotBlock block = MultiHotBlock.of(data.iterator()); // ids sort in row order
        for (int epoch = 1; epoch <= 3; epoch++) {
            PartitionResult r = new PartitionStep(null, spec(), config.optimizer(), 16, 7, epoch).train(local, block, 0);
            local = new TrainingState(r.parameters(), r.optimizerState(), local.iteration() + r.steps());
        }
        assertArrayEquals(local.parameters(), distributed.state().parameters());
        assertArrayEquals(local.optimizerState(), distributed.state().optimizerState());
        assertEquals(local.iteration(), distributed.state().iteration());
    }

    @Test
    void sameSeedSameWeightsAndItLearns() {
        List<MultiHotRow> data = rows(400, 2);
        Trainer trainer = new Trainer(spec(), config(12, 2, "rmsprop"));
        List<EpochRecord> seen = new ArrayList<>();
        JavaRDD<MultiHotBlock> train = blocks(data, 2);
        JavaRDD<MultiHotBlock> validation = blocks(rows(100, 3), 2);
        Trainer.Result a = trainer.fit(train, validation, EpochListener.watching(seen::add));
        Trainer.Result b = trainer.fit(blocks(data, 2), validation, EpochListener.watching(r -> { }));
        assertArrayEquals(a.state().parameters(), b.state().parameters());
        assertEquals(a.history().stream().map(EpochRecord::loss).toList(), b.history().stream().map(EpochRecord::loss).toList());

        assertEquals(12, seen.size());
        assertTrue(seen.get(11).loss() < seen.get(0).loss(), "loss falls: " + seen);
        assertTrue(seen.get(11).accuracy() > 0.9, "learns the training rows: " + seen.get(11));
        assertTrue(seen.get(11).valAccuracy() > 0.85, "and generalises: " + seen.get(11));
        assertFalse(java.util.Arrays.equals(a.state().parameters(), trainer.initialState().parameters()));
    }

    @Test
    void fivePartitionsTwiceGiveTheSameBits() {
        List<MultiHotRow> data = rows(400, 5);
        Trainer trainer = new Trainer(spec(), config(3, 5, "adam"));
        Trainer.Result a = trainer.fit(blocks(data, 5), null, EpochListener.watching(r -> { }));
        Trainer.Result b = trainer.fit(blocks(data, 5), null, EpochListener.watching(r -> { }));
        assertArrayEquals(a.state().parameters(), b.state().parameters());
        assertArrayEquals(a.state().optimizerState(), b.state().optimizerState());
    }

    @Test
    void kerasLine() {
        EpochRecord r = new EpochRecord(3, 0.26291, 0.91612, 0.3, 0.88, 2.14);
        assertEquals("Epoch 3/4 - 2.1s - loss: 0.2629 - accuracy: 0.9161 - val_loss: 0.3000 - val_accuracy: 0.8800",
                r.kerasLine(4));
        assertEquals("Epoch 1/4 - 2.1s - loss: 0.2629 - accuracy: 0.9161",
                new EpochRecord(1, 0.26291, 0.91612, null, null, 2.14).kerasLine(4));
    }
}
