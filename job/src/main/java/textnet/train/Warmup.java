package textnet.train;

import textnet.config.DataFormat;
import textnet.config.JobConfig;
import textnet.nn.NativeThreads;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlock;
import textnet.text.MultiHotRow;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gets the driver JVM ready while Spark starts, on a daemon thread: loads ND4J's native backend (~2 s
 * of one core) and runs a few dozen training steps of the configured network on synthetic rows, so
 * that the JIT has compiled the step's loops before epoch 1 reaches them (in a cold JVM the first
 * epoch was 3x slower than the third). In local mode the tasks run in this JVM and profit; on a
 * cluster the executors warm up in their first epoch as before. Nothing here touches the run's
 * state, and a failure only costs the head start.
 *
 * <p>Reading and vectorizing are not warmed any more: on 2 cores that work competed with Spark's
 * start and the first reading tasks, and the IMDB tutorial's whole command took 0.9 s longer with
 * it (median of 7 alternating pairs) for no faster reading.
 */
public final class Warmup {

    /** Enough steps for the JIT to compile the step's loops, whatever the batch size. */
    private static final int STEPS = 16;
    private static final int INDICES_PER_ROW = 130; // an IMDB review's typical multi-hot row

    private Warmup() {
    }

    public static void startInBackground(JobConfig config) {
        Thread thread = new Thread(() -> run(config), "textnet-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run(JobConfig config) {
        try {
            boolean imdb = config.data().dataFormat() == DataFormat.ACLIMDB;
            NativeThreads.useOnePerTask();
            // the output layer follows the labels, unknown until the corpus is read: IMDB is binary,
            // any other corpus may be either, so warm a softmax output too
            for (int classes : imdb ? new int[] {2} : new int[] {2, 3}) {
                trainSteps(config, NetworkSpec.of(config.model(), config.vectorizer().vocabularySize(), classes), classes);
            }
        } catch (RuntimeException | LinkageError e) {
            // only speed was at stake: training loads and compiles the same code when it gets there
        }
    }

    /** A few epochs' worth of steps with the replicas' batch and optimizer, as PartitionStep runs them. */
    private static void trainSteps(JobConfig config, NetworkSpec spec, int classes) {
        ReplicaSettings replica = ReplicaSettings.of(config.train(), config.train().partitions());
        PartitionStep step = new PartitionStep(null, spec, replica.optimizer(), replica.batchSize(), 0, 1);
        MultiHotBlock rows = syntheticRows(spec.inputSize(), STEPS / 2 * replica.batchSize(), classes);
        TrainingState state = new Trainer(spec, config.train()).initialState();
        for (int pass = 0; pass < 2; pass++) {
            PartitionResult r = step.train(state, rows, 0);
            state = new TrainingState(r.parameters(), r.optimizerState(), state.iteration() + r.steps());
        }
    }

    private static MultiHotBlock syntheticRows(int inputSize, int count, int classes) {
        SplittableRandom random = new SplittableRandom(1);
        List<MultiHotRow> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int[] indices = random.ints(Math.min(INDICES_PER_ROW, inputSize), 0, inputSize).sorted().distinct().toArray();
            rows.add(new MultiHotRow(r % classes, indices));
        }
        return MultiHotBlock.of(rows.iterator());
    }
}
