package textnet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import textnet.JobException;

/**
 * {@code textnet train|predict|evaluate|plot}: parses arguments and hands each command to its class.
 * Exit codes (README, "Exit codes"): 0 success, 2 bad arguments or config, 3 bad input data or
 * model files, 4 output refused, 5 training diverged, 6 quality gate failed, 1 anything else.
 */
@Command(name = "textnet", mixinStandardHelpOptions = true, version = "textnet 0.1.0",
        description = "Train Keras-style dense text classifiers on Apache Spark.",
        subcommands = {TrainCommand.class, PredictCommand.class, EvaluateCommand.class, PlotCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        // the plots are drawn into images: never look for a display, even when DISPLAY is set
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler(new ArgumentErrors());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            JobException job = JobException.find(e);
            if (job != null) {
                System.err.println("textnet: error: " + job.getMessage());
                return job.kind().exitCode;
            }
            System.err.println("textnet: internal error: " + e);
            e.printStackTrace(System.err);
            return JobException.Kind.INTERNAL.exitCode;
        });
        return cli.execute(args);
    }
}
