package textnet.cli;

import java.util.Locale;

/**
 * How long phases show their progress on stderr: one line redrawn in place (a terminal), a plain
 * line every ~10 s (a scheduler's log), or not at all.
 */
enum ProgressMode {
    TERMINAL, LINES, OFF;

    /**
     * What {@code scripts/textnet} found stderr to be ({@code -Dtextnet.progress=terminal|lines}, read
     * once by {@link Main#main}); anything else, or nothing (a JVM started another way), is OFF.
     */
    static ProgressMode ofLauncher(String value) {
        if (value == null) {
            return OFF;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "terminal" -> TERMINAL;
            case "lines" -> LINES;
            default -> OFF;
        };
    }
}
