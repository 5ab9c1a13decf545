package textnet.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.data.Corpus;
import textnet.data.CorpusReaders;
import textnet.eval.Evaluator;
import textnet.eval.MetricsReport;
import textnet.eval.TestMetrics;
import textnet.io.ModelFiles;
import textnet.io.RunDirectory;
import textnet.io.TrainedModel;
import textnet.nn.NetworkSpec;
import textnet.text.VectorizedCorpus;
import textnet.train.Trainer;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code textnet train CONFIG.yaml}: read → vectorize → train → evaluate → write the run folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a classifier and write metrics.json, history.csv, model/ and _SUCCESS to the run folder.")
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG.yaml", description = "The job's config (see conf/).")
    Path configFile;

    @Option(names = "--data", paramLabel = "PATH", description = "Sets data.path.")
    String data;

    @Option(names = "--out", paramLabel = "DIR", description = "The run folder (default: runs/NAME-TIMESTAMP).")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing --out once the new run is complete.")
    boolean overwrite;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*], or what spark-submit set).")
    String master;

    @Option(names = "--set", paramLabel = "key=value", description = "Override a config key (dotted path), e.g. train.epochs=9.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        List<String> all = new ArrayList<>(overrides);
        if (data != null) {
            all.add(0, "data.path=" + quoted(data));
        }
        JobConfig config = ConfigLoader.load(configFile, all);
        Path outDir = out != null ? out : Paths.get("runs", config.name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (RunDirectory run = RunDirectory.create(outDir, overwrite)) {
            SparkSession spark = SparkSessions.create(master, "textnet train " + config.name(), true);
            Console.info("Spark " + spark.version() + ", master " + spark.sparkContext().master()
                    + ", " + config.train().partitions() + " partitions");

            long sparkReadyAt = System.nanoTime();
            Corpus corpus = CorpusReaders.read(spark, config.data());
            long readAt = System.nanoTime();
            VectorizedCorpus vectorized = VectorizedCorpus.of(corpus, config);
            vectorized.notes().forEach(n -> Console.info("note: " + n));
            Console.info(String.format(Locale.ROOT, "%,d train / %,d validation / %,d test rows, %d classes, vocabulary %,d",
                    vectorized.trainRows(), vectorized.validationRows(), vectorized.testRows(),
                    vectorized.vectorizer().labels().size(), vectorized.vectorizer().vocabulary().size()));
            long vectorizedAt = System.nanoTime();
            Console.info(String.format(Locale.ROOT, "spark %.1fs, read %.1fs, vectorize %.1fs",
                    (sparkReadyAt - started) / 1e9, (readAt - sparkReadyAt) / 1e9, (vectorizedAt - readAt) / 1e9));

            NetworkSpec spec = TrainedModel.specOf(config, vectorized.vectorizer());
            Trainer.Result result = new Trainer(spec, config.train())
                    .fit(vectorized.train(), vectorized.hasValidation() ? vectorized.validation() : null,
                            epoch -> Console.out(epoch.kerasLine(config.train().epochs())));
            long trainedAt = System.nanoTime();

            spark.sparkContext().setJobDescription("Evaluate: test");
            Evaluator.Scored test = new Evaluator(spec).predict(vectorized.test(), result.state().parameters());
            Map<String, Object> testMetrics = TestMetrics.of(test, vectorized.vectorizer().labels().labels());
            Console.out(TestMetrics.summary(testMetrics));
            long evaluatedAt = System.nanoTime();

            TrainedModel model = new TrainedModel(config, vectorized.vectorizer(), spec, result.state().parameters());
            ModelFiles.save(model, run.path().resolve("model"));
            MetricsReport.writeHistoryCsv(result.history(), run.path().resolve("history.csv"));
            Map<String, Double> seconds = new LinkedHashMap<>();
            seconds.put("read_vectorize", (vectorizedAt - started) / 1e9);
            seconds.put("train", (trainedAt - vectorizedAt) / 1e9);
            seconds.put("evaluate", (evaluatedAt - trainedAt) / 1e9);
            seconds.put("total", (System.nanoTime() - started) / 1e9);
            MetricsReport.writeJson(MetricsReport.metrics(config.name(), model.task(),
                    vectorized.vectorizer().labels().labels(), config.train().partitions(), testMetrics,
                    result.history(), seconds), run.path().resolve("metrics.json"));
            run.commit();
            Console.info("wrote " + run.target());
        }
        return 0;
    }

    /** --data is a path, not YAML: quote it so that ':' or '#' in it survive. */
    private static String quoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
