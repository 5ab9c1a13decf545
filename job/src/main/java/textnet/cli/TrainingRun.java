package textnet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.SparkContext;
import textnet.JobException;
import textnet.config.JobConfig;
import textnet.data.Corpus;
import textnet.data.CorpusReaders;
import textnet.eval.Evaluator;
import textnet.eval.MetricsReport;
import textnet.eval.TestMetrics;
import textnet.io.Checkpoints;
import textnet.io.ModelFiles;
import textnet.io.RunDirectory;
import textnet.io.TrainedModel;
import textnet.nn.ClassWeights;
import textnet.nn.NetworkSpec;
import textnet.text.VectorizedCorpus;
import textnet.train.EarlyStopping;
import textnet.train.EpochListener;
import textnet.train.Progress;
import textnet.train.ReplicaSettings;
import textnet.train.Trainer;
import textnet.train.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code train} run, inside its locked, staged run folder: read → vectorize → train → evaluate →
 * write the run folder. {@link #call} is the whole run in one screen; each phase is a method below.
 */
final class TrainingRun {

    private final JobConfig config;
    private final QualityGate gate;
    private final RunDirectory run;
    private final Checkpoints checkpoints;
    private final PhaseClock clock;
    private final String master;
    private final ProgressMode progressMode;
    /** The option that asked to resume ({@code --resume DIR}), or null for a new run. */
    private final String resumeOption;

    TrainingRun(JobConfig config, QualityGate gate, RunDirectory run, Checkpoints checkpoints, PhaseClock clock,
                String master, ProgressMode progressMode, String resumeOption) {
        this.config = config;
        this.gate = gate;
        this.run = run;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.master = master;
        this.progressMode = progressMode;
        this.resumeOption = resumeOption;
    }

    int call() throws Exception {
        run.notes().forEach(n -> Console.info("note: " + n));
        Warmup.startInBackground(config);
        Progress start = resumeOption == null ? null : checkpoints.latest().orElseThrow(() ->
                JobException.input(resumeOption + ": no complete checkpoint there"));
        SparkContext sc = SparkSessions.context(master, "textnet train " + config.name(), true, run.scratch(),
                progressMode != ProgressMode.OFF);
        try (ConsoleProgress console = ConsoleProgress.start(progressMode, sc, System.err)) {
            // 1. read and vectorize (the vocabulary sees the training split only)
            VectorizedCorpus data = readAndVectorize(sc, console);
            List<String> classes = data.vectorizer().labels().labels();
            NetworkSpec spec = TrainedModel.specOf(config, data.vectorizer());
            gate.requireKnownMetrics(TrainedModel.taskOf(spec, classes.size()));
            ClassWeights classWeights = ClassWeights.of(config.train().classWeight(), classes,
                    data.trainRowsPerClass()); // an unknown label: exit 2 before training

            // 2. train: the epoch loop prints Keras's line per epoch; early stopping may end it sooner
            EarlyStopping early = config.train().earlyStoppingEnabled()
                    ? new EarlyStopping(config.train().earlyStopping()) : null;
            Trainer.Result result = train(spec, classWeights, data, start, early, console);
            float[] parameters = early == null ? result.state().parameters()
                    : early.parametersToKeep(result.state().parameters());
            if (early != null) {
                Console.out(earlyStoppingLine(early, result.history().size()));
            }
            double trainSeconds = clock.lap("train");

            // 3. evaluate on the held-out test split
            sc.setJobDescription("Evaluate: test");
            Map<String, Object> testMetrics;
            try (ConsoleProgress.Phase phase = console.counting("Evaluating", ProgressLine.Unit.ROWS, data.testRows())) {
                testMetrics = new Evaluator(spec).metrics(data.test(), parameters, classes, phase.counter());
            }
            TestMetrics.report(testMetrics, classes).forEach(Console::out);
            List<String> failures = gate.failures(testMetrics);
            clock.lap("evaluate");

            // 4. outputs; the model, _SUCCESS and the rename into place only when the gate passed
            TrainedModel model = new TrainedModel(config, data.vectorizer(), spec, parameters);
            writeOutputs(model, data, new MetricsReport.Training(result.history(), trainSeconds, early, classWeights),
                    testMetrics, failures);
            return 0;
        }
    }

    private VectorizedCorpus readAndVectorize(SparkContext sc, ConsoleProgress console) {
        Console.info("Spark " + sc.version() + ", master " + sc.master()
                + ", " + config.train().partitions() + " partitions");
        clock.lap("jvm_start_to_spark");
        Corpus corpus = CorpusReaders.read(sc, config.data());
        clock.lap("read");
        VectorizedCorpus data;
        // the corpus is read (and tokenized) by the vectorizer's passes: its progress is the bytes they
        // stream, then that of the vectorizer's later steps
        try (ConsoleProgress.Steps steps = console.vectorizing(config.data(), VectorizedCorpus.passes(config))) {
            data = VectorizedCorpus.of(corpus, config, steps);
        }
        clock.lap("vectorize");
        data.notes().forEach(n -> Console.info("note: " + n));
        ReplicaSettings.note(config.train(), data.trainRows()).ifPresent(n -> Console.info("note: " + n));
        Console.info(String.format(Locale.ROOT, "%,d train / %,d validation / %,d test rows, %d classes,"
                        + " vocabulary %,d (JVM start to Spark %.1fs, read %.1fs, vectorize %.1fs)",
                data.trainRows(), data.validationRows(), data.testRows(),
                data.vectorizer().labels().size(), data.vectorizer().vocabulary().size(),
                clock.get("jvm_start_to_spark"), clock.get("read"), clock.get("vectorize")));
        return data;
    }

    /** The epoch loop, from {@code start} when resuming; every epoch is checkpointed, then printed. */
    private Trainer.Result train(NetworkSpec spec, ClassWeights classWeights, VectorizedCorpus data, Progress start,
                                 EarlyStopping early, ConsoleProgress console) {
        Trainer trainer = new Trainer(spec, config.train(), console.epochs(data.trainRows()), classWeights);
        Progress from = start != null ? start : new Progress(0, trainer.initialState(), List.of());
        int epochs = config.train().epochs();
        from.history().forEach(epoch -> Console.out(epoch.kerasLine(epochs) + " (from checkpoint)"));
        List<EpochListener> listeners = new ArrayList<>();
        listeners.add(progress -> {
            checkpoints.save(progress);
            Console.out(progress.last().kerasLine(epochs));
            return true;
        });
        if (early != null) {
            listeners.add(early);
        }
        Progress[] lastGood = {from};
        listeners.add(progress -> {
            lastGood[0] = progress;
            return true;
        });
        try {
            return trainer.fit(data.train(), data.hasValidation() ? data.validation() : null,
                    EpochListener.all(listeners), from);
        } catch (JobException e) {
            if (e.kind() != JobException.Kind.DIVERGED || lastGood[0].last() == null) {
                throw e;
            }
            throw new JobException(e.kind(), e.getMessage() + "; the last good epoch ("
                    + lastGood[0].epoch() + ") is checkpointed in " + checkpoints.dir());
        }
    }

    private void writeOutputs(TrainedModel model, VectorizedCorpus data, MetricsReport.Training training,
                              Map<String, Object> testMetrics, List<String> failures) throws Exception {
        if (failures.isEmpty()) {
            ModelFiles.save(model, run.path().resolve("model"));
        }
        MetricsReport.writeHistoryCsv(training.history(), run.path().resolve("history.csv"));
        PlotCommand.writePlots(training.history(), run.path());
        clock.lap("outputs");
        Map<String, Double> seconds = clock.seconds();
        seconds.put("read_vectorize", clock.get("read") + clock.get("vectorize"));
        ObjectNode metrics = MetricsReport.metrics(config, model.task(), data, testMetrics, training, seconds,
                PhaseClock.peakHeapMiB());
        if (!gate.isEmpty()) {
            metrics.putPOJO("quality_gate", gate.report(failures));
        }
        MetricsReport.writeJson(metrics, run.path().resolve("metrics.json"));
        // the rest of this process's log (Spark stopping) stays out of the published folder
        JobProcess.moveLog(run.scratch().root().resolve(TrainCommand.LOG_FILE));
        run.publish(failures.isEmpty());
        checkpoints.discard();
        if (!failures.isEmpty()) {
            throw new JobException(JobException.Kind.QUALITY_GATE, "quality gate failed: "
                    + String.join("; ", failures) + "; the model was not published (metrics in "
                    + run.target() + ")");
        }
        Console.info("wrote " + run.target());
    }

    private static String earlyStoppingLine(EarlyStopping early, int epochsRun) {
        String kept = early.config().restoreBest() ? "keeping epoch " + early.bestEpoch() + "'s weights"
                : "keeping the last epoch's weights";
        String ran = early.stoppedEpoch() > 0 ? "stopped after epoch " + early.stoppedEpoch()
                : "ran all " + epochsRun + " epochs";
        return String.format(Locale.ROOT, "Early stopping: best %s %.4f at epoch %d, %s; %s",
                early.config().monitor(), early.best(), early.bestEpoch(), ran, kept);
    }
}
