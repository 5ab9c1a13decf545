package textnet.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One phase's progress on stderr (README, "Progress"), e.g.
 * {@code Epoch 3/40: 612,000/2,500,000 rows (24%), 405,000 rows/s, 5 s left}.
 *
 * <p>Nothing until the phase has run {@value #SHOW_AFTER_SECONDS} s, so short phases (and short runs)
 * print nothing. Then, on a terminal, one line redrawn in place at every update and erased when the
 * phase ends, so that the next line (an epoch's Keras line on stdout) starts on a clean line; in a
 * log, a plain line at once and then every {@value #LINES_EVERY_SECONDS} s. The rate is counted
 * from the phase's start (or its counter's restart: {@link #update(long, long, long)}) to the count's
 * latest change, and the time left is what remains at that rate, less the time since that change.
 * The clock and the stream are given, so that tests drive it without waiting.
 */
final class ProgressLine {

    static final long SHOW_AFTER_SECONDS = 3;
    static final long LINES_EVERY_SECONDS = 10;
    /** Carriage return, then erase the whole line (ECMA-48 EL 2). */
    static final String ERASE = "\r\u001B[2K";

    enum Unit {
        ROWS("rows"), DOCUMENTS("documents"), TASKS("tasks"), BYTES("MB");

        private final String label;

        Unit(String label) {
            this.label = label;
        }
    }

    private final String name;
    private final Unit unit;
    private final ProgressMode mode;
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private boolean printedLine;
    private long lastLineNanos;
    private String drawn; // what the terminal's current line shows, or null
    private boolean finished;
    // the last change of the count: the rate is measured up to it, not up to now, so that it holds
    // steady between the counter's updates (executor heartbeats, every second or so), and the time
    // left counts down in between
    private long lastDone = -1;
    private long lastSince;
    private long lastChangeNanos;

    ProgressLine(String name, Unit unit, ProgressMode mode, PrintStream out, LongSupplier nanoClock) {
        this.name = name;
        this.unit = unit;
        this.mode = mode;
        this.out = out;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** The phase's start on its clock. */
    long startNanos() {
        return startNanos;
    }

    /** {@code done} of {@code total} (0 or less: not known) since the phase started. */
    void update(long done, long total) {
        update(done, total, startNanos);
    }

    /**
     * @param countingSinceNanos when {@code done} started counting (on the same clock): the phase's
     *                           start, or later when its counter restarted (a new Spark stage)
     */
    synchronized void update(long done, long total, long countingSinceNanos) {
        if (finished || mode == ProgressMode.OFF) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (now - startNanos < TimeUnit.SECONDS.toNanos(SHOW_AFTER_SECONDS)) {
            return;
        }
        if (done != lastDone || countingSinceNanos != lastSince) {
            lastDone = done;
            lastSince = countingSinceNanos;
            lastChangeNanos = now;
        }
        String text = text(name, unit, done, total, (lastChangeNanos - countingSinceNanos) / 1e9,
                (now - lastChangeNanos) / 1e9);
        if (mode == ProgressMode.TERMINAL) {
            if (!text.equals(drawn)) {
                out.print(ERASE + text);
                out.flush();
                drawn = text;
            }
        } else if (!printedLine || now - lastLineNanos >= TimeUnit.SECONDS.toNanos(LINES_EVERY_SECONDS)) {
            out.println(text);
            out.flush();
            printedLine = true;
            lastLineNanos = now;
        }
    }

    /** The phase has ended: a line drawn on a terminal is erased, and nothing is printed any more. */
    synchronized void finish() {
        if (drawn != null) {
            out.print(ERASE);
            out.flush();
            drawn = null;
        }
        finished = true;
    }

    /** The line for {@code done} of {@code total} (0 or less: not known) after {@code seconds} of counting. */
    static String text(String name, Unit unit, long done, long total, double seconds) {
        return text(name, unit, done, total, seconds, 0);
    }

    /** ... and {@code sinceNews} seconds later, still {@code done}: the time left has gone down by as much. */
    static String text(String name, Unit unit, long done, long total, double seconds, double sinceNews) {
        boolean known = total > 0;
        long shown = known ? Math.min(Math.max(done, 0), total) : Math.max(done, 0); // a retried task may count twice
        StringBuilder s = new StringBuilder(name).append(": ");
        if (unit == Unit.BYTES) {
            s.append(amount(shown / 1e6)).append(" MB");
            if (known) {
                s.append(" of ").append(amount(total / 1e6)).append(" MB");
            }
        } else {
            s.append(String.format(Locale.ROOT, "%,d", shown));
            if (known) {
                s.append(String.format(Locale.ROOT, "/%,d", total));
            }
            s.append(' ').append(unit.label);
        }
        if (known) {
            s.append(" (").append((long) Math.floor(100.0 * shown / total)).append("%)");
        }
        if (shown > 0 && seconds > 0) {
            double rate = shown / seconds;
            s.append(", ").append(amount(unit == Unit.BYTES ? rate / 1e6 : rate)).append(' ').append(unit.label).append("/s");
            if (known && shown < total) {
                s.append(", ").append(duration(Math.max(1, (total - shown) / rate - sinceNews))).append(" left");
            }
        }
        return s.toString();
    }

    /** Whole numbers with thousands separators; one decimal below 10 (0.4 MB/s, 2.5 tasks/s); 0 as "0". */
    private static String amount(double x) {
        if (x == 0) {
            return "0";
        }
        return x < 9.95 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%,.0f", x);
    }

    /** "26 s", "4 min 10 s", "1 h 5 min", rounded up (never "0 s left" while something is left). */
    static String duration(double seconds) {
        long s = (long) Math.ceil(Math.min(seconds, 1e9));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
}
