package textnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.SparkSession;
import textnet.cli.LogFile;
import textnet.cli.SparkSessions;
import textnet.config.ConfigLoader;
import textnet.config.InputKind;
import textnet.config.JobConfig;
import textnet.data.CorpusReaders;
import textnet.io.TrainedModel;
import textnet.nn.BatchStats;
import textnet.nn.NetworkSpec;
import textnet.text.VectorizedCorpus;
import textnet.train.EpochRecord;
import textnet.train.Trainer;
import textnet.train.Validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparisons of {@code scripts/bench}, in one JVM on the same vectorized data: textnet's
 * sparse path, its dense path, and what a Spark user has today (MLlib's MultilayerPerceptronClassifier
 * and LogisticRegression). The whole-command timings come from the script's runs of
 * {@code scripts/textnet train}; this program folds them in and writes the JSON and Markdown report.
 *
 * <p>Usage: {@code Benchmark PROJECT_DIR DATA_DIR CLI_RUNS_DIR REPORT.json REPORT.md [--quick]}
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Paths.get(args[0]);
        Path data = Paths.get(args[1]);
        Path cliRuns = Paths.get(args[2]);
        boolean quick = args.length > 5 && args[5].equals("--quick");
        LogFile.writeTo(cliRuns.resolve("bench.log")); // Spark's own lines: a file, not the console
        SparkSession spark = SparkSessions.create("local[2]", "textnet bench", false);
        ObjectNode report = JSON.createObjectNode();
        report.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap, local[2], 2 partitions");
        report.put("quick", quick);
        ArrayNode datasets = report.putArray("datasets");
        datasets.add(dataset(spark, project, cliRuns, "imdb", data.resolve("aclImdb-labeled.tar.gz"), quick));
        datasets.add(dataset(spark, project, cliRuns, "reuters", data.resolve("reuters21578.tar.gz"), quick));
        JSON.writeValue(Paths.get(args[3]).toFile(), report);
        Files.writeString(Paths.get(args[4]), MarkdownReport.of(report));
        spark.stop();
        if (quick) {
            checkSmoke(report);
        }
    }

    /**
     * The smoke run's correctness checks (no timings): every trainer produced a result, and the sparse
     * and dense first layers, being the same math, reached the same test accuracy.
     */
    static void checkSmoke(JsonNode report) {
        for (JsonNode d : report.path("datasets")) {
            double sparse = d.path("sparse").path("test_accuracy").asDouble();
            double dense = d.path("dense").path("test_accuracy").asDouble();
            if (Math.abs(sparse - dense) > 0.005 || sparse < 0.5) {
                throw new IllegalStateException(d.path("name").asText() + ": sparse accuracy " + sparse
                        + " vs dense " + dense);
            }
            for (String part : List.of("mllib_mlp", "mllib_logistic_regression")) {
                if (!d.path(part).has("test_accuracy")) {
                    throw new IllegalStateException(d.path("name").asText() + ": no result for " + part);
                }
            }
        }
        System.out.println("bench: smoke checks passed");
    }

    private static ObjectNode dataset(SparkSession spark, Path project, Path cliRuns, String name, Path corpusFile,
                                      boolean quick) throws Exception {
        List<String> overrides = new ArrayList<>(List.of("data.path='" + corpusFile + "'"));
        if (quick) {
            overrides.add("train.epochs=2");
        }
        JobConfig config = ConfigLoader.load(project.resolve("conf").resolve(name + ".yaml"), overrides);
        ObjectNode out = JSON.createObjectNode();
        out.put("name", name);
        out.set("command", CliRuns.summary(cliRuns, name));

        VectorizedCorpus data = VectorizedCorpus.of(CorpusReaders.read(spark.sparkContext(), config.data()), config);
        out.put("train_rows", data.trainRows()).put("test_rows", data.testRows())
                .put("cached_train_bytes", data.trainBytes());

        // textnet, sparse first layer (the default), with the test accuracy after every epoch
        NetworkSpec sparse = TrainedModel.specOf(config, data.vectorizer());
        out.set("sparse", trainAndTrack(config, sparse, data));

        // the same network with the dense first layer: same math, a full batch x vocabulary matrix
        JobConfig dense = ConfigLoader.override(config, List.of("model.input=" + InputKind.DENSE.key(),
                "train.epochs=" + Math.min(2, config.train().epochs())));
        out.set("dense", trainAndTrack(dense, TrainedModel.specOf(dense, data.vectorizer()), data));

        // what Spark MLlib offers on the same rows
        int hidden = config.model().layers().get(0).units();
        out.set("mllib_mlp", MllibBaselines.perceptron(spark, data, hidden, quick ? 3 : 100, quick));
        out.set("mllib_logistic_regression", MllibBaselines.logisticRegression(spark, data, quick ? 5 : 100));
        return out;
    }

    /** Trains, timing each epoch; the test accuracy after each epoch is measured outside those timings. */
    private static ObjectNode trainAndTrack(JobConfig config, NetworkSpec spec, VectorizedCorpus data) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode epochs = out.putArray("epochs");
        double[] cumulative = {0};
        Trainer.Result result = new Trainer(spec, config.train()).fit(data.train(), null, progress -> {
            EpochRecord record = progress.last();
            BatchStats test = Validation.lossAndAccuracy(spec, data.test(), progress.state().parameters());
            cumulative[0] += record.seconds();
            epochs.addObject().put("epoch", record.epoch()).put("seconds", record.seconds())
                    .put("cumulative_seconds", cumulative[0]).put("test_accuracy", test.accuracy());
            return true;
        });
        double[] seconds = result.history().stream().mapToDouble(EpochRecord::seconds).toArray();
        double train = java.util.Arrays.stream(seconds).sum();
        out.put("train_seconds", train);
        out.put("samples_per_second", data.trainRows() * seconds.length / train);
        out.put("median_epoch_seconds", median(seconds));
        out.put("test_accuracy", epochs.get(epochs.size() - 1).path("test_accuracy").asDouble());
        return out;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static JsonNode read(Path file) throws java.io.IOException {
        return JSON.readTree(file.toFile());
    }
}
