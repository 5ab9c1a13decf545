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
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkTestSupport.spark().sparkContext());
        List<scala.Tuple2<String, MultiHotRow>> byId = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            byId.add(new scala.Tuple2<>(String.format("row-%05d", i), rows.get(i)));
        }
        return MultiHotBlocks.deal(sc.parallelizePairs(byId, 3), partitions, "test rows");
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
