package textnet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import textnet.cli.LogFile;
import textnet.cli.SparkSessions;
import textnet.config.Averaging;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.data.CorpusReaders;
import textnet.io.TrainedModel;
import textnet.nn.NetworkSpec;
import textnet.text.VectorizedCorpus;
import textnet.train.EpochRecord;
import textnet.optim.Optimizer;
import textnet.train.Trainer;
import textnet.train.Validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code scripts/bench --replicas}: the tutorials' configs at K = 1..64 replicas, with the default
 * averaging and with {@code plain}, in one JVM ({@code local[2]}): test accuracy, epoch seconds, the
 * bytes an epoch moves, and the epoch time projected on a K-core cluster from the measured tasks.
 *
 * <p>Arguments: project, data folder, report JSON, report Markdown, K list, [--quick].
 */
public final class ReplicaBench {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The network the projection assumes between the driver and K executors: 10 Gb/s. */
    static final double NETWORK_BYTES_PER_SECOND = 1.25e9;

    private ReplicaBench() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Paths.get(args[0]);
        Path data = Paths.get(args[1]);
        boolean quick = args.length > 5 && args[5].equals("--quick");
        List<Integer> ks = new ArrayList<>();
        for (String k : args[4].split(",")) {
            ks.add(Integer.parseInt(k.trim()));
        }
        LogFile.writeTo(project.resolve("job/target/bench-replicas.log")); // Spark's own lines: a file, not the console
        SparkSession spark = SparkSessions.create("local[2]", "textnet bench --replicas", false);
        TaskTimes tasks = new TaskTimes();
        spark.sparkContext().addSparkListener(tasks);
        ObjectNode report = JSON.createObjectNode();
        report.put("machine", Runtime.getRuntime().availableProcessors() + " cores, local[2]");
        report.put("network_bytes_per_second_assumed", NETWORK_BYTES_PER_SECOND);
        ArrayNode runs = report.putArray("runs");
        List<String[]> datasets = List.of(new String[]{"imdb", "imdb", "aclImdb-labeled.tar.gz"},
                new String[]{"r52", "reuters", "reuters21578.tar.gz"});
        for (String[] d : datasets) {
            for (String averaging : Averaging.NAMES) {
                for (int k : ks) {
                    List<String> overrides = new ArrayList<>(List.of("data.path='" + data.resolve(d[2]) + "'",
                            "train.partitions=" + k, "train.averaging=" + averaging));
                    if (quick) {
                        overrides.add("train.epochs=2");
                    }
                    JobConfig config = ConfigLoader.load(project.resolve("conf").resolve(d[1] + ".yaml"), overrides);
                    ObjectNode run = run(spark, tasks, config);
                    run.put("dataset", d[0]).put("averaging", averaging).put("replicas", k);
                    runs.add(run);
                    System.out.printf("bench: %s %s K=%d: test accuracy %.4f, median epoch %.2f s, %,d bytes an epoch%n",
                            d[0], averaging, k, run.path("test_accuracy").asDouble(),
                            run.path("median_epoch_seconds").asDouble(), run.path("bytes_per_epoch").asLong());
                }
            }
        }
        spark.stop();
        JSON.writeValue(Paths.get(args[2]).toFile(), report);
        Files.writeString(Paths.get(args[3]), ReplicaMarkdown.of(report, ks));
        if (quick) {
            checkSmoke(report);
        }
    }

    private static ObjectNode run(SparkSession spark, TaskTimes tasks, JobConfig config) {
        VectorizedCorpus data = VectorizedCorpus.of(CorpusReaders.read(spark.sparkContext(), config.data()), config);
        NetworkSpec spec = TrainedModel.specOf(config, data.vectorizer());
        ObjectNode out = JSON.createObjectNode();
        tasks.reset();
        Trainer.Result result = new Trainer(spec, config.train()).fit(data.train(), null, progress -> true);
        double[] seconds = result.history().stream().mapToDouble(EpochRecord::seconds).toArray();
        double accuracy = Validation.lossAndAccuracy(spec, data.test(), result.state().parameters()).accuracy();
        int epochs = seconds.length;
        long stateFloats = spec.parameterCount() + Optimizer.of(config.train().optimizer()).stateSize(spec.parameterCount());
        int k = config.train().partitions();
        // per epoch: the state broadcast to each of K executors (a K-core cluster of one-core executors)
        // and K results back (each replica's parameters and optimizer state, float32)
        long bytes = 2L * k * stateFloats * Float.BYTES;
        double maxTask = tasks.medianEpochMaxTaskSeconds();
        out.put("train_rows", data.trainRows()).put("test_rows", data.testRows())
                .put("test_accuracy", accuracy)
                .put("median_epoch_seconds", Benchmark.median(seconds))
                .put("train_samples_per_second", data.trainRows() * epochs / java.util.Arrays.stream(seconds).sum())
                .put("bytes_per_epoch", bytes)
                .put("task_result_bytes_per_epoch", tasks.trainResultBytes() / epochs)
                .put("slowest_train_task_seconds", maxTask)
                .put("mean_train_task_seconds", tasks.meanTrainTaskSeconds())
                .put("projected_epoch_seconds_on_k_cores", maxTask + bytes / NETWORK_BYTES_PER_SECOND);
        ArrayNode curve = out.putArray("train_loss");
        result.history().forEach(r -> curve.add(r.loss()));
        return out;
    }

    /** The smoke run's checks: every run trained, and split-batch at the largest K is not far below K = 1. */
    static void checkSmoke(ObjectNode report) {
        for (var run : report.path("runs")) {
            if (!(run.path("test_accuracy").asDouble() > 0.5)) {
                throw new IllegalStateException("run did not learn: " + run);
            }
        }
        System.out.println("bench: replicas smoke checks passed");
    }

    /** Run times, result bytes of the training stages' tasks (their job's description ends in ": train"). */
    static final class TaskTimes extends SparkListener {
        private final Map<Integer, Boolean> trainStage = new ConcurrentHashMap<>();
        private final List<long[]> trainTasks = java.util.Collections.synchronizedList(new ArrayList<>());

        void reset() {
            trainTasks.clear();
        }

        @Override
        public void onStageSubmitted(SparkListenerStageSubmitted event) {
            String description = event.properties() == null ? null : event.properties().getProperty("spark.job.description");
            trainStage.put(event.stageInfo().stageId(), description != null && description.endsWith(": train"));
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd event) {
            if (Boolean.TRUE.equals(trainStage.get(event.stageId())) && event.taskMetrics() != null) {
                trainTasks.add(new long[]{event.stageId(), event.taskMetrics().executorRunTime(),
                        event.taskMetrics().resultSize()});
            }
        }

        /**
         * The median over epochs of the epoch's slowest training task: what bounds an epoch when every
         * replica has a core of its own.
         */
        double medianEpochMaxTaskSeconds() {
            Map<Long, Long> slowest = new java.util.TreeMap<>();
            synchronized (trainTasks) {
                for (long[] t : trainTasks) {
                    slowest.merge(t[0], t[1], Math::max);
                }
            }
            return slowest.isEmpty() ? 0 : Benchmark.median(slowest.values().stream().mapToDouble(v -> v / 1e3).toArray());
        }

        double meanTrainTaskSeconds() {
            synchronized (trainTasks) {
                return trainTasks.stream().mapToLong(t -> t[1]).average().orElse(0) / 1e3;
            }
        }

        long trainResultBytes() {
            synchronized (trainTasks) {
                return trainTasks.stream().mapToLong(t -> t[2]).sum();
            }
        }
    }
}
