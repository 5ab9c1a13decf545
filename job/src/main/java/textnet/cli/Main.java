package textnet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code textnet train|predict|evaluate|plot|export}: parses arguments and hands each command to its class.
 * Exit codes (README, "Exit codes"): 0 success, 2 bad arguments or config, 3 bad input data or
 * model files, 4 output refused, 5 training diverged, 6 quality gate failed, 52 out of memory,
 * 1 anything else (docs/DESIGN.md has the contract).
 */
@Command(name = "textnet", mixinStandardHelpOptions = true, version = "textnet 0.1.0",
        description = "Train Keras-style dense text classifiers on Apache Spark.",
        subcommands = {TrainCommand.class, PredictCommand.class, EvaluateCommand.class, PlotCommand.class,
                ExportCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        // the plots are drawn into images: never look for a display, even when DISPLAY is set
        System.setProperty("java.awt.headless", "true");
        // Java cannot tell whether stderr is a terminal; scripts/textnet can ([ -t 2 ]) and says so here
        JobProcess.install(ProgressMode.ofLauncher(System.getProperty("textnet.progress")));
        int code = run(args);
        JobProcess.finish();
        System.exit(code);
    }

    /**
     * Runs a command line and returns its exit code (tests call this instead of main). A failure is
     * one line on stderr ({@link ErrorLine}); the details, if any, are in the log.
     */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(new ArgumentErrors());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> fail(e));
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error e) { // picocli lets Errors (OutOfMemoryError) through
            return fail(e);
        }
    }

    private static int fail(Throwable e) {
        ErrorLine line = ErrorLine.of(e);
        JobProcess.sayError(line.message());
        return line.exitCode();
    }
}
