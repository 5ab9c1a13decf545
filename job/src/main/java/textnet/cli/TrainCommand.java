package textnet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import textnet.JobException;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.config.ModelSize;
import textnet.data.Corpus;
import textnet.data.CorpusReaders;
import textnet.eval.EarlyStopping;
import textnet.eval.Evaluator;
import textnet.eval.MetricsReport;
import textnet.eval.TestMetrics;
import textnet.io.Checkpoints;
import textnet.io.ModelFiles;
import textnet.io.OutputPlace;
import textnet.io.ProcessOwner;
import textnet.io.RunDirectory;
import textnet.io.TrainedModel;
import textnet.nn.NetworkSpec;
import textnet.text.VectorizedCorpus;
import textnet.train.EpochRecord;
import textnet.train.Warmup;
import textnet.train.Progress;
import textnet.train.ReplicaSettings;
import textnet.train.Trainer;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code textnet train CONFIG.yaml}: read → vectorize → train → evaluate → write the run folder.
 * The run folder and the checkpoint folder are locked for this run and kept clear of its inputs;
 * everything is written into a scratch folder beside the run folder (see io.RunDirectory).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a classifier and write metrics.json, history.csv, loss.png, accuracy.png, model/ and _SUCCESS to the run folder.")
final class TrainCommand implements Callable<Integer> {

    /** Spark's and the libraries' log, in the run folder. */
    static final String LOG_FILE = "textnet.log";

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

    @Option(names = "--checkpoints", paramLabel = "DIR",
            description = "Where the driver saves its state after every epoch (default: OUT-checkpoints); removed once the run is published.")
    Path checkpointDir;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue from the newest checkpoint in DIR (a failed run's checkpoint folder), with the same config.")
    Path resume;

    @Option(names = "--min-accuracy", paramLabel = "X",
            description = "Quality gate: fail (exit 6, model not published) when test accuracy is below X.")
    Double minAccuracy;

    @Option(names = "--min-metric", paramLabel = "name=value",
            description = "Quality gate on any test metric of metrics.json, e.g. f1=0.85 or macro_f1=0.6 (repeatable).")
    List<String> minMetrics = new ArrayList<>();

    @Option(names = "--progress", paramLabel = "WHEN",
            description = "Progress of long phases on stderr: auto (default: one line redrawn when stderr is a terminal,"
                    + " a line every 10 s otherwise), terminal, lines or off.")
    ProgressOption progress = ProgressOption.AUTO;

    enum ProgressOption { AUTO, TERMINAL, LINES, OFF }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PhaseClock clock = new PhaseClock();
        List<String> all = new ArrayList<>(overrides);
        if (data != null) {
            all.add(0, "data.path=" + quoted(data));
        }
        JobConfig config = ConfigLoader.load(configFile, all);
        ModelSize.requireFitsHeap(config, Runtime.getRuntime().maxMemory()); // before Warmup allocates the model
        DataOption.requireReadBy(data, config);
        QualityGate gate = QualityGate.of(minAccuracy, minMetrics);
        Path outDir = out != null ? out : Paths.get("runs", config.name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        ProcessOwner me = ProcessOwner.current(Inputs.commandLine(spec));
        List<OutputPlace.Kept> kept = Inputs.of(configFile, config.data());
        Path checkpointDir = resume != null ? resume : this.checkpointDir != null ? this.checkpointDir
                : outDir.resolveSibling(outDir.getFileName() + "-checkpoints");
        try (RunDirectory run = RunDirectory.create(outDir, overwrite,
                Inputs.plus(kept, new OutputPlace.Kept("the checkpoint folder", checkpointDir, false)), me);
             Checkpoints checkpoints = Checkpoints.open(checkpointDir, resume != null ? "--resume" : "--checkpoints",
                     config, Inputs.plus(kept, new OutputPlace.Kept("the run folder (--out)", run.target(), false)),
                     resume != null, me)) {
            return JobProcess.within("train", run.scratch(), run.path().resolve(LOG_FILE),
                    () -> train(config, gate, run, checkpoints, clock));
        }
    }

    /** read → vectorize → train → evaluate → write the run folder, inside the locked, staged run folder. */
    private int train(JobConfig config, QualityGate gate, RunDirectory run, Checkpoints checkpoints, PhaseClock clock)
            throws Exception {
        run.notes().forEach(n -> Console.info("note: " + n));
        Warmup.startInBackground(config);
        Progress start = resume == null ? null : checkpoints.latest().orElseThrow(() ->
                JobException.input("--resume " + resume + ": no complete checkpoint there"));

        // 1. Spark, then read and vectorize (the vocabulary sees the training split only)
        ProgressMode mode = progress == ProgressOption.AUTO ? JobProcess.progressMode() : ProgressMode.valueOf(progress.name());
        SparkSession spark = SparkSessions.create(master, "textnet train " + config.name(), true, run.scratch(),
                mode != ProgressMode.OFF);
        try (ConsoleProgress console = ConsoleProgress.start(mode, spark.sparkContext(), System.err)) {
            return train(config, gate, run, checkpoints, clock, start, spark, console);
        }
    }

    /** The rest of {@link #train(JobConfig, QualityGate, RunDirectory, Checkpoints, PhaseClock)}, once Spark runs. */
    private int train(JobConfig config, QualityGate gate, RunDirectory run, Checkpoints checkpoints, PhaseClock clock,
                      Progress start, SparkSession spark, ConsoleProgress console) throws Exception {
        Console.info("Spark " + spark.version() + ", master " + spark.sparkContext().master()
                + ", " + config.train().partitions() + " partitions");
        clock.lap("jvm_start_to_spark");
        Corpus corpus = CorpusReaders.read(spark, config.data());
        clock.lap("read");
        VectorizedCorpus vectorized;
        // the corpus is read (and tokenized) by the vectorizer's passes: its progress is the bytes they stream
        try (ConsoleProgress.Phase phase = console.reading(config.data(), VectorizedCorpus.passes(config))) {
            vectorized = VectorizedCorpus.of(corpus, config);
        }
        clock.lap("vectorize");
        vectorized.notes().forEach(n -> Console.info("note: " + n));
        ReplicaSettings.note(config.train(), vectorized.trainRows()).ifPresent(n -> Console.info("note: " + n));
        List<String> classes = vectorized.vectorizer().labels().labels();
        gate.requireKnownMetrics(classes.size());
        Console.info(String.format(Locale.ROOT, "%,d train / %,d validation / %,d test rows, %d classes,"
                        + " vocabulary %,d (JVM start to Spark %.1fs, read %.1fs, vectorize %.1fs)",
                vectorized.trainRows(), vectorized.validationRows(), vectorized.testRows(),
                classes.size(), vectorized.vectorizer().vocabulary().size(),
                clock.get("jvm_start_to_spark"), clock.get("read"), clock.get("vectorize")));

        // 2. train: the epoch loop prints Keras's line per epoch; early stopping may end it sooner
        NetworkSpec spec = TrainedModel.specOf(config, vectorized.vectorizer());
        EarlyStopping early = config.train().earlyStoppingEnabled()
                ? new EarlyStopping(config.train().earlyStopping()) : null;
        Trainer trainer = new Trainer(spec, config.train(), console.epochs(vectorized.trainRows()));
        Progress from = start != null ? start : new Progress(0, trainer.initialState(), List.of());
        from.history().forEach(epoch -> Console.out(epoch.kerasLine(config.train().epochs()) + " (from checkpoint)"));
        List<EpochRecord> history = new ArrayList<>(from.history());
        Trainer.Result result;
        try {
            result = trainer.fit(vectorized.train(), vectorized.hasValidation() ? vectorized.validation() : null,
                    (epoch, state) -> {
                        history.add(epoch);
                        checkpoints.save(new Progress(epoch.epoch(), state, history));
                        Console.out(epoch.kerasLine(config.train().epochs()));
                        return early == null || early.onEpoch(epoch, state);
                    }, from);
        } catch (JobException e) {
            if (e.kind() != JobException.Kind.DIVERGED || history.isEmpty()) {
                throw e;
            }
            throw new JobException(e.kind(), e.getMessage() + "; the last good epoch ("
                    + history.get(history.size() - 1).epoch() + ") is checkpointed in " + checkpoints.dir());
        }
        float[] parameters = result.state().parameters();
        if (early != null) {
            parameters = early.parametersToKeep(parameters);
            Console.out(earlyStoppingLine(early, result.history().size()));
        }
        double trainSeconds = clock.lap("train");

        // 3. evaluate on the held-out test split
        spark.sparkContext().setJobDescription("Evaluate: test");
        Map<String, Object> testMetrics;
        try (ConsoleProgress.Phase phase = console.counting("Evaluating", ProgressLine.Unit.ROWS, vectorized.testRows())) {
            testMetrics = TestMetrics.of(new Evaluator(spec).summarize(vectorized.test(), parameters, classes.size(),
                    phase.counter()), classes);
        }
        TestMetrics.report(testMetrics, classes).forEach(Console::out);
        List<String> failures = gate.failures(testMetrics);
        clock.lap("evaluate");

        // 4. outputs; the model, _SUCCESS and the rename into place only when the gate passed
        TrainedModel model = new TrainedModel(config, vectorized.vectorizer(), spec, parameters);
        if (failures.isEmpty()) {
            ModelFiles.save(model, run.path().resolve("model"));
        }
        MetricsReport.writeHistoryCsv(result.history(), run.path().resolve("history.csv"));
        PlotCommand.writePlots(result.history(), run.path());
        clock.lap("outputs");
        Map<String, Double> seconds = clock.seconds();
        seconds.put("read_vectorize", clock.get("read") + clock.get("vectorize"));
        ObjectNode metrics = MetricsReport.metrics(config.name(), model.task(), classes,
                config.train().partitions(), testMetrics, result.history(), seconds);
        ObjectNode rows = metrics.putObject("data");
        rows.put("train_rows", vectorized.trainRows()).put("validation_rows", vectorized.validationRows())
                .put("test_rows", vectorized.testRows()).put("cached_train_bytes", vectorized.trainBytes());
        ReplicaSettings replica = ReplicaSettings.of(config.train(), config.train().partitions());
        metrics.putObject("replicas").put("count", config.train().partitions())
                .put("averaging", config.train().averaging()).put("batch_size", replica.batchSize())
                .put("learning_rate", replica.optimizer().learningRate());
        metrics.put("train_samples_per_second", vectorized.trainRows() * result.history().size() / trainSeconds);
        metrics.putObject("memory").put("peak_heap_mib", PhaseClock.peakHeapMiB());
        if (early != null) {
            MetricsReport.addEarlyStopping(metrics, early, result.history().size());
        }
        if (!gate.isEmpty()) {
            metrics.putPOJO("quality_gate", gate.report(failures));
        }
        MetricsReport.writeJson(metrics, run.path().resolve("metrics.json"));
        // the rest of this process's log (Spark stopping) stays out of the published folder
        JobProcess.moveLog(run.scratch().root().resolve(LOG_FILE));
        run.publish(failures.isEmpty());
        checkpoints.discard();
        if (!failures.isEmpty()) {
            throw new JobException(JobException.Kind.QUALITY_GATE, "quality gate failed: "
                    + String.join("; ", failures) + "; the model was not published (metrics in "
                    + run.target() + ")");
        }
        Console.info("wrote " + run.target());
        return 0;
    }

    private static String earlyStoppingLine(EarlyStopping early, int epochsRun) {
        String kept = early.config().restoreBest() ? "keeping epoch " + early.bestEpoch() + "'s weights"
                : "keeping the last epoch's weights";
        String ran = early.stoppedEpoch() > 0 ? "stopped after epoch " + early.stoppedEpoch()
                : "ran all " + epochsRun + " epochs";
        return String.format(Locale.ROOT, "Early stopping: best %s %.4f at epoch %d, %s; %s",
                early.config().monitor(), early.best(), early.bestEpoch(), ran, kept);
    }

    /** --data is a path, not YAML: quote it so that ':' or '#' in it survive. */
    private static String quoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
