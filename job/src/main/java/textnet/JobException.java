package textnet;

/**
 * A failure the user can act on: one line naming the key, path or file, and the exit code a
 * scheduler sees. Anything else that escapes the job is a bug and exits with {@link Kind#INTERNAL}.
 */
public final class JobException extends RuntimeException {

    /**
     * Exit codes are part of the CLI contract (README, "Exit codes"). Out of memory is 52 because
     * Spark's executors already end their JVM with that code after an OutOfMemoryError, in local mode
     * the very JVM textnet runs in: one code for it, whoever notices first.
     */
    public enum Kind {
        INTERNAL(1), CONFIG(2), INPUT(3), OUTPUT(4), DIVERGED(5), QUALITY_GATE(6), OUT_OF_MEMORY(52);

        public final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final Kind kind;

    public JobException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public JobException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static JobException config(String message) {
        return new JobException(Kind.CONFIG, message);
    }

    public static JobException input(String message) {
        return new JobException(Kind.INPUT, message);
    }

    public static JobException input(String message, Throwable cause) {
        return new JobException(Kind.INPUT, message, cause);
    }

    public static JobException output(String message) {
        return new JobException(Kind.OUTPUT, message);
    }

    /** Spark wraps task failures; the user's message is somewhere in the cause chain. */
    public static JobException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JobException j) {
                return j;
            }
        }
        return null;
    }
}
