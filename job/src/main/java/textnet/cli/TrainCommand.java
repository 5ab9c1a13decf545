package textnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.config.ModelSize;
import textnet.io.Checkpoints;
import textnet.io.OutputPlace;
import textnet.io.ProcessOwner;
import textnet.io.RunDirectory;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code textnet train CONFIG.yaml}: parses the options and the config, locks the run folder and the
 * checkpoint folder (kept clear of the inputs; everything is written into a scratch folder beside the
 * run folder, see io.RunDirectory), and hands the run to {@link TrainingRun}.
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
            ProgressMode mode = progress == ProgressOption.AUTO ? JobProcess.progressMode()
                    : ProgressMode.valueOf(progress.name());
            TrainingRun training = new TrainingRun(config, gate, run, checkpoints, clock, master, mode,
                    resume == null ? null : "--resume " + resume);
            return JobProcess.within("train", run.scratch(), run.path().resolve(LOG_FILE), training::call);
        }
    }

    /** --data is a path, not YAML: quote it so that ':' or '#' in it survive. */
    private static String quoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
