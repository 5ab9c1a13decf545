package textnet.train;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import textnet.JobException;
import textnet.config.TrainConfig;
import textnet.nn.BatchStats;
import textnet.nn.ClassWeights;
import textnet.nn.Network;
import textnet.nn.NetworkSpec;
import textnet.optim.Optimizer;
import textnet.text.MultiHotBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * The driver's epoch loop (docs/DESIGN.md, "Data flow"): broadcast the state, let every partition
 * train on its own rows (with the batch and optimizer {@link ReplicaSettings} give each of the K
 * replicas), average parameters and optimizer state weighted by rows, validate, log.
 */
public final class Trainer {

    private final NetworkSpec spec;
    private final TrainConfig config;
    private final EpochProgress progress;
    private final ClassWeights classWeights;

    public Trainer(NetworkSpec spec, TrainConfig config) {
        this(spec, config, EpochProgress.NONE);
    }

    /** @param progress watches each epoch's training as it runs (the console's progress line) */
    public Trainer(NetworkSpec spec, TrainConfig config, EpochProgress progress) {
        this(spec, config, progress, null);
    }

    /**
     * @param classWeights {@code config.classWeight()} made concrete for the data's classes
     *                     ({@link ClassWeights#of}; null: every class 1), sent with each replica's step
     */
    public Trainer(NetworkSpec spec, TrainConfig config, EpochProgress progress, ClassWeights classWeights) {
        this.spec = spec;
        this.config = config;
        this.progress = progress;
        this.classWeights = classWeights;
    }

    public TrainingState initialState() {
        float[] params = new Network(spec).initialParameters(config.seed());
        int stateSize = Optimizer.of(config.optimizer()).stateSize(params.length);
        return new TrainingState(params, new float[stateSize], 0);
    }

    /**
     * @param validation null when there is no validation split
     * @param onEpoch    told of each epoch as soon as it is known; may stop training
     */
    public Result fit(JavaRDD<MultiHotBlock> train, JavaRDD<MultiHotBlock> validation, EpochListener onEpoch) {
        return fit(train, validation, onEpoch, new Progress(0, initialState(), List.of()));
    }

    /**
     * Continues from {@code from} (a checkpoint): epoch {@code from.epoch() + 1} sees exactly the
     * state, seeds and rows it would have seen in an uninterrupted run.
     */
    public Result fit(JavaRDD<MultiHotBlock> train, JavaRDD<MultiHotBlock> validation, EpochListener onEpoch,
                      Progress from) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(train.context());
        TrainingState state = from.state();
        List<EpochRecord> history = new ArrayList<>(from.history());
        ReplicaSettings replica = ReplicaSettings.of(config, train.getNumPartitions());
        for (int epoch = from.epoch() + 1; epoch <= config.epochs(); epoch++) {
            long started = System.nanoTime();
            String job = "Epoch " + epoch + "/" + config.epochs();

            // 1. every partition trains from the same broadcast state on its own rows
            sc.setJobDescription(job + ": train");
            Broadcast<TrainingState> broadcast = sc.broadcast(state);
            ParameterSum sum;
            try {
                sum = train
                        .mapPartitionsWithIndex(new PartitionStep(broadcast, spec, replica.optimizer(),
                                replica.batchSize(), config.seed(), epoch, progress.start(job), classWeights), true)
                        .treeAggregate(new ParameterSum(), ParameterSum::add, ParameterSum::merge);
            } finally {
                progress.end(); // the progress line is gone before the epoch's line is printed
            }
            broadcast.destroy();

            // 2. the driver averages them, weighted by rows
            state = sum.average(state);
            if (Divergence.of(spec, sum.meanLoss(), state.parameters())) {
                throw new JobException(JobException.Kind.DIVERGED, "training diverged in epoch " + epoch
                        + ": the loss is " + sum.meanLoss() + "; lower train.optimizer.learning-rate ("
                        + config.optimizer().learningRate() + ")");
            }

            // 3. validate the averaged model
            Double valLoss = null;
            Double valAccuracy = null;
            if (validation != null) {
                sc.setJobDescription(job + ": validate");
                BatchStats val = Validation.lossAndAccuracy(spec, validation, state.parameters());
                valLoss = val.lossSum() / val.rows();
                valAccuracy = (double) val.correct() / val.rows();
            }
            sc.setJobDescription(null);

            EpochRecord record = new EpochRecord(epoch, sum.meanLoss(), sum.accuracy(), valLoss, valAccuracy,
                    (System.nanoTime() - started) / 1e9);
            history.add(record);
            if (!onEpoch.onEpoch(new Progress(epoch, state, history))) {
                break;
            }
        }
        return new Result(state, List.copyOf(history));
    }

    public record Result(TrainingState state, List<EpochRecord> history) {
    }
}
