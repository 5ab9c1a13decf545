package textnet.data;

/**
 * Text that comes from users' files or from libraries, made fit for the one-line error message:
 * control characters (a newline in an archive entry's name, a tab in a JSON parser's excerpt) shown
 * as '?', and library messages cut to a readable length.
 */
final class OneLine {

    private static final int MAX_CHARS = 200;

    private OneLine() {
    }

    /** Control characters as '?', cut after 200 characters: for entry names and library messages. */
    static String of(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = name(s);
        return oneLine.length() > MAX_CHARS ? oneLine.substring(0, MAX_CHARS) + "..." : oneLine;
    }

    /** Control characters as '?', nothing cut: a file's name is shown whole. */
    static String name(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
