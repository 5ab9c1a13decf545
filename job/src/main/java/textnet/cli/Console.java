package textnet.cli;

/**
 * The job's own lines: results on stdout, information and progress on stderr (so stdout can be
 * piped). A progress line drawn on a terminal ({@link ProgressLine}) is ended before any other line
 * goes to stderr, so that no line is ever printed after half a progress line.
 */
final class Console {

    private static volatile ProgressLine progress;

    private Console() {
    }

    static void out(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static void info(String line) {
        endProgress();
        System.err.println(line);
    }

    /** The progress line being drawn now, or null. */
    static void showing(ProgressLine line) {
        progress = line;
    }

    /** Ends (erases) the progress line being drawn, if any: another line is about to go to stderr. */
    static void endProgress() {
        ProgressLine line = progress;
        if (line != null) {
            line.finish();
        }
    }
}
