package textnet.cli;

import org.apache.logging.log4j.LogManager;
import textnet.JobException;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What a failed command says: one line, {@code textnet: error: ...}, and the exit code a scheduler
 * sees. A {@link JobException} (found anywhere in the cause chain: Spark wraps task failures) says
 * its own message; running out of memory names the heap and what to change; anything else is a bug,
 * reported in one line with its stack trace in the log.
 */
record ErrorLine(int exitCode, String message) {

    static ErrorLine of(Throwable e) {
        JobException job = JobException.find(e);
        if (job != null) {
            return new ErrorLine(job.kind().exitCode, job.getMessage());
        }
        OutOfMemoryError oom = outOfMemoryIn(e);
        if (oom != null || mentionsOutOfMemory(e)) {
            LogManager.getLogger("textnet").error("out of memory", e);
            return new ErrorLine(JobException.Kind.OUT_OF_MEMORY.exitCode, outOfMemory(oom, JobProcess.keepLog()));
        }
        LogManager.getLogger("textnet").error("internal error", e);
        Path log = JobProcess.keepLog();
        return new ErrorLine(JobException.Kind.INTERNAL.exitCode, "internal error: " + e.getClass().getName() + ": "
                + firstLine(e.getMessage()) + " (a bug in textnet: please report it"
                + (log == null ? "" : " with the log " + log) + ")");
    }

    /** The out-of-memory sentence: the heap this JVM has and what to change. */
    static String outOfMemory(OutOfMemoryError e, Path log) {
        String what = e == null || e.getMessage() == null ? "Java heap space" : e.getMessage();
        return String.format(Locale.ROOT, "out of memory (%s) with a %.1f GiB heap: give textnet more memory"
                        + " (scripts/textnet: TEXTNET_JAVA_OPTS=-Xmx...; spark-submit: --driver-memory and --executor-memory)"
                        + " or use a smaller train.batch-size, vectorizer.vocabulary-size or model%s",
                firstLine(what), Runtime.getRuntime().maxMemory() / (double) (1L << 30), log == null ? "" : " (log: " + log + ")");
    }

    private static OutOfMemoryError outOfMemoryIn(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /** An executor that died of it reaches the driver as a message only (exit code 52, or the error's name). */
    private static boolean mentionsOutOfMemory(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains("java.lang.OutOfMemoryError")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }
}
