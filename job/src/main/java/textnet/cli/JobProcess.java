package textnet.cli;

import org.apache.spark.sql.SparkSession;
import textnet.io.FileTrees;
import textnet.io.Scratch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The JVM that {@code textnet} runs in when started from the command line ({@link Main#main}), as
 * opposed to a test or an application calling {@link Main#run}: only then does a command own the
 * process-wide settings. Its library log goes to a file, Java's temporary files (the native
 * libraries Spark's codecs unpack, for one) into the command's scratch folder, and if the JVM ends
 * before the command does (Spark exiting after an OutOfMemoryError, a signal), the last line on the
 * console still says why, the log is kept, and the scratch folder is removed.
 */
final class JobProcess {

    /** Logs of commands that failed, newest {@value #KEPT_LOGS} kept. */
    private static final String KEPT_LOG_FOLDER = "textnet-logs";
    private static final int KEPT_LOGS = 20;

    private static volatile boolean installed;
    private static volatile ProgressMode progressMode = ProgressMode.OFF;
    private static volatile boolean finished;
    private static volatile String commandName = "textnet";
    private static volatile Path systemTemp;
    private static Path keptLog;
    private static boolean errorSaid;
    private static final List<Path> SCRATCH = new CopyOnWriteArrayList<>();

    private JobProcess() {
    }

    /**
     * Called once by {@link Main#main}, before any command runs.
     *
     * @param progress how long phases show their progress when a command leaves it to the process
     *                 ({@code --progress auto}): what the launcher found stderr to be
     */
    static void install(ProgressMode progress) {
        installed = true;
        progressMode = progress;
        systemTemp = Paths.get(System.getProperty("java.io.tmpdir"));
        Runtime.getRuntime().addShutdownHook(new Thread(JobProcess::onAbruptExit, "textnet-exit"));
    }

    static boolean owned() {
        return installed;
    }

    /** How progress is shown by default: what the launcher said, or OFF in a JVM textnet does not own (tests, Spark ML). */
    static ProgressMode progressMode() {
        return progressMode;
    }

    /**
     * A command's scratch folder and log file: from now on the log goes to {@code logFile} and Java's
     * temporary files into the scratch folder. Does nothing in a JVM textnet does not own.
     */
    private static void use(String command, Scratch scratch, Path logFile) {
        if (!installed) {
            return;
        }
        commandName = command;
        SCRATCH.add(scratch.root());
        System.setProperty("java.io.tmpdir", scratch.folder("tmp").toString());
        LogFile.writeTo(logFile);
    }

    /**
     * Runs a command's work with its log in {@code logFile} and Java's temporary files in
     * {@code scratch}; if the work fails, keeps the log before the scratch folder goes; stops Spark
     * when it is done, before the caller removes the scratch folder Spark's local dirs are in.
     */
    static <T> T within(String command, Scratch scratch, Path logFile, Callable<T> work) throws Exception {
        use(command, scratch, logFile);
        try {
            return work.call();
        } catch (Exception | Error e) {
            keepLog();
            throw e;
        } finally {
            stopSpark();
        }
    }

    /** Moves the log to another file, e.g. out of a run folder that is about to be published. */
    static void moveLog(Path logFile) {
        if (installed) {
            LogFile.writeTo(logFile);
        }
    }

    /** Stops Spark (its shutdown would otherwise write into a scratch folder being removed). */
    private static void stopSpark() {
        if (installed) {
            SparkSession.getDefaultSession().foreach(s -> {
                s.stop();
                return null;
            });
            SparkSessions.stopStarted();
        }
    }

    /** The command has ended with an exit code: nothing left for the exit hook to explain. */
    static void finish() {
        finished = true;
    }

    /**
     * Says a failure on stderr, once per process: when Spark ends the JVM (after an OutOfMemoryError),
     * the exit hook and the main thread (whose job was cancelled) may both want to say it.
     */
    static synchronized void sayError(String line) {
        if (errorSaid && installed) {
            return;
        }
        errorSaid = true;
        Console.endProgress();
        System.err.println("textnet: error: " + line);
        System.err.flush();
    }

    /**
     * Copies the current log to the kept-logs folder when a command failed, so that the error line
     * can name it; null when there is no log file (a JVM textnet does not own) or it cannot be kept.
     */
    static synchronized Path keepLog() {
        if (keptLog != null) {
            return keptLog;
        }
        Path log = LogFile.current();
        if (!installed || log == null || !Files.isRegularFile(log)) {
            return null;
        }
        try {
            Path folder = Files.createDirectories(systemTemp.resolve(KEPT_LOG_FOLDER));
            String name = commandName + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))
                    + "-" + ProcessHandle.current().pid() + ".log";
            Path kept = Files.copy(log, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            pruneKeptLogs(folder);
            keptLog = kept;
            return kept;
        } catch (IOException e) {
            return null;
        }
    }

    private static void pruneKeptLogs(Path folder) throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(folder)) {
            logs = files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted((a, b) -> {
                try {
                    return Files.getLastModifiedTime(b).compareTo(Files.getLastModifiedTime(a));
                } catch (IOException e) {
                    return 0;
                }
            }).toList();
        }
        for (Path old : logs.subList(Math.min(KEPT_LOGS, logs.size()), logs.size())) {
            Files.deleteIfExists(old);
        }
    }

    /** The JVM is ending while a command still runs: say why in one line, keep the log, leave no scratch. */
    private static void onAbruptExit() {
        if (finished) {
            return;
        }
        Throwable fatal = LogFile.fatalError();
        Path log = keepLog();
        String line = fatal instanceof OutOfMemoryError oom ? ErrorLine.outOfMemory(oom, log)
                : "stopped before it finished (interrupted or killed); nothing was published"
                + (log == null ? "" : " (log: " + log + ")");
        sayError(line);
        for (Path scratch : SCRATCH) {
            FileTrees.deleteQuietly(scratch);
        }
    }
}
