package textnet.cli;

/** The job's own lines: results on stdout, progress on stderr (so stdout can be piped). */
final class Console {

    private Console() {
    }

    static void out(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static void info(String line) {
        System.err.println(line);
    }
}
