package textnet.train;

import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;
import textnet.SparkTestSupport;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.io.Checkpoints;
import textnet.text.MultiHotBlock;
import textnet.text.MultiHotBlocks;
import textnet.text.MultiHotRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run stopped after any epoch and resumed from its checkpoint ends exactly where an uninterrupted run does. */
class ResumeTest {

    @TempDir
    Path dir;

    private static JavaRDD<MultiHotBlock> blocks() {
        List<MultiHotRow> rows = TrainerTest.rows(300, 4);
        List<scala.Tuple2<String, MultiHotRow>> byId = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            byId.add(new scala.Tuple2<>("r" + i, rows.get(i)));
        }
        var sc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(SparkTestSupport.spark().sparkContext());
        return MultiHotBlocks.deal(sc.parallelizePairs(byId, 2), 2, Integer.MAX_VALUE, "resume rows");
    }

    private static JobConfig config(int epochs) {
        return ConfigLoader.load(null, List.of("train.epochs=" + epochs, "train.optimizer.name=adam"));
    }

    @Test
    void resumedRunEqualsUninterruptedRun() {
        JavaRDD<MultiHotBlock> train = blocks();
        Trainer full = new Trainer(TrainerTest.spec(), TrainerTest.config(4, 2, "adam"));
        Trainer.Result uninterrupted = full.fit(train, null, EpochListener.watching(r -> { }));

        // the "driver" dies after epoch 2: checkpoints of epochs 1 and 2 exist
        Checkpoints checkpoints = new Checkpoints(dir.resolve("ck"), config(4));
        full.fit(train, null, progress -> {
            checkpoints.save(progress);
            return progress.epoch() < 2;
        });
        Progress last = new Checkpoints(dir.resolve("ck"), config(4)).latest().orElseThrow();
        assertEquals(2, last.epoch());
        Trainer.Result resumed = full.fit(train, null, EpochListener.watching(r -> { }), last);

        assertArrayEquals(uninterrupted.state().parameters(), resumed.state().parameters());
        assertArrayEquals(uninterrupted.state().optimizerState(), resumed.state().optimizerState());
        assertEquals(uninterrupted.state().iteration(), resumed.state().iteration());
        assertEquals(uninterrupted.history().stream().map(EpochRecord::loss).toList(),
                resumed.history().stream().map(EpochRecord::loss).toList());
    }

    @Test
    void newestCompleteCheckpointAndOnlyForTheSameConfig() throws Exception {
        Checkpoints checkpoints = new Checkpoints(dir, config(4));
        TrainingState s1 = new TrainingState(new float[]{1, 2}, new float[]{3}, 7);
        TrainingState s2 = new TrainingState(new float[]{4, 5}, new float[]{6}, 14);
        EpochRecord r1 = new EpochRecord(1, 0.5, 0.7, 0.6, 0.65, 1.0);
        checkpoints.save(new Progress(1, s1, List.of(r1)));
        checkpoints.save(new Progress(2, s2, List.of(r1, new EpochRecord(2, 0.4, 0.8, null, null, 1.0))));
        Files.createDirectories(dir.resolve(".tmp-epoch-0003-half-written"));

        Progress latest = checkpoints.latest().orElseThrow();
        assertEquals(2, latest.epoch());
        assertArrayEquals(new float[]{4, 5}, latest.state().parameters());
        assertArrayEquals(new float[]{6}, latest.state().optimizerState());
        assertEquals(14, latest.state().iteration());
        assertEquals(r1, latest.history().get(0));

        assertTrue(new Checkpoints(dir, config(9)).latest().isPresent(), "more epochs may continue a run");
        JobConfig other = ConfigLoader.load(null, List.of("train.batch-size=7"));
        JobException e = assertThrows(JobException.class, () -> new Checkpoints(dir, other).latest());
        assertTrue(e.getMessage().contains("another config"), e.getMessage());
        assertTrue(new Checkpoints(dir.resolve("none"), other).latest().isEmpty());
    }
}
