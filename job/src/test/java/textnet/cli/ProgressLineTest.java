package textnet.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The progress line on a fake clock: when it prints, what, and how it ends. */
class ProgressLineTest {

    private static final String ERASE = "\r\u001B[2K";

    /** A clock the test moves, and the stream the line prints to. */
    private static final class Console {
        long nanos = 1_000_000_000_000L; // any start: only differences count
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        ProgressLine line(String name, ProgressLine.Unit unit, ProgressMode mode) {
            return new ProgressLine(name, unit, mode, out, () -> nanos);
        }

        void at(double seconds, ProgressLine line, long done, long total) {
            nanos = line.startNanos() + (long) (seconds * TimeUnit.SECONDS.toNanos(1));
            line.update(done, total);
        }

        String printed() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPhaseShorterThanThreeSecondsPrintsNothingInAnyMode() {
        for (ProgressMode mode : ProgressMode.values()) {
            Console c = new Console();
            ProgressLine line = c.line("Epoch 1/4", ProgressLine.Unit.ROWS, mode);
            c.at(0.5, line, 1_000, 25_000);
            c.at(2.99, line, 20_000, 25_000);
            line.finish();
            assertEquals("", c.printed(), mode.name());
        }
    }

    @Test
    void onATerminalOneLineIsRedrawnInPlaceAndErasedAtTheEnd() {
        Console c = new Console();
        ProgressLine line = c.line("Epoch 3/40", ProgressLine.Unit.ROWS, ProgressMode.TERMINAL);
        c.at(1, line, 100_000, 2_500_000);
        c.at(4, line, 1_000_000, 2_500_000);
        c.at(4, line, 1_000_000, 2_500_000); // the same text is not drawn twice
        c.at(4.5, line, 1_000_000, 2_500_000); // no news: the rate holds, 5.5 s left is still "6 s"
        c.at(5, line, 1_000_000, 2_500_000); // still no news: the time left counts down
        c.at(6, line, 1_500_000, 2_500_000);
        line.finish();
        c.at(7, line, 2_000_000, 2_500_000); // a late tick after the end draws nothing
        assertEquals(ERASE + "Epoch 3/40: 1,000,000/2,500,000 rows (40%), 250,000 rows/s, 6 s left"
                + ERASE + "Epoch 3/40: 1,000,000/2,500,000 rows (40%), 250,000 rows/s, 5 s left"
                + ERASE + "Epoch 3/40: 1,500,000/2,500,000 rows (60%), 250,000 rows/s, 4 s left"
                + ERASE, c.printed());
        assertEquals(-1, c.printed().indexOf('\n'), "no newline: the next line starts where the progress line was");
    }

    @Test
    void inALogALineAtThreeSecondsThenEveryTenAndNothingAtTheEnd() {
        Console c = new Console();
        ProgressLine line = c.line("Reading", ProgressLine.Unit.BYTES, ProgressMode.LINES);
        long total = 3_700_000_000L;
        c.at(1, line, 50_000_000L, total);
        c.at(3, line, 285_000_000L, total);
        c.at(4, line, 380_000_000L, total);
        c.at(12.9, line, 1_200_000_000L, total);
        c.at(13, line, 1_234_000_000L, total);
        c.at(22, line, 2_000_000_000L, total);
        c.at(23.5, line, 2_100_000_000L, total);
        line.finish();
        assertEquals("Reading: 285 MB of 3,700 MB (7%), 95 MB/s, 36 s left\n"
                + "Reading: 1,234 MB of 3,700 MB (33%), 95 MB/s, 26 s left\n"
                + "Reading: 2,100 MB of 3,700 MB (56%), 89 MB/s, 18 s left\n", c.printed());
    }

    @Test
    void offPrintsNothing() {
        Console c = new Console();
        ProgressLine line = c.line("Epoch 1/4", ProgressLine.Unit.ROWS, ProgressMode.OFF);
        c.at(30, line, 10, 100);
        line.finish();
        assertEquals("", c.printed());
    }

    @Test
    void theRateCountsFromWhenTheCounterStarted() {
        Console c = new Console();
        ProgressLine line = c.line("Reading", ProgressLine.Unit.TASKS, ProgressMode.LINES);
        c.nanos = line.startNanos() + TimeUnit.SECONDS.toNanos(20);
        line.update(10, 40, line.startNanos() + TimeUnit.SECONDS.toNanos(15)); // a stage submitted at 15 s
        assertEquals("Reading: 10/40 tasks (25%), 2.0 tasks/s, 15 s left\n", c.printed());
    }

    @Test
    void textArithmetic() {
        assertEquals("Epoch 1/4: 0/25,000 rows (0%)", ProgressLine.text("Epoch 1/4", ProgressLine.Unit.ROWS, 0, 25_000, 3));
        assertEquals("Reading: 0 MB of 56 MB (0%)", ProgressLine.text("Reading", ProgressLine.Unit.BYTES, 0, 56_000_000, 3));
        assertEquals("Evaluating: 999/1,000 rows (99%), 333 rows/s, 1 s left",
                ProgressLine.text("Evaluating", ProgressLine.Unit.ROWS, 999, 1_000, 3), "never 100% before the end");
        assertEquals("Epoch 2/4: 25,000/25,000 rows (100%), 5,000 rows/s",
                ProgressLine.text("Epoch 2/4", ProgressLine.Unit.ROWS, 26_000, 25_000, 5), "a retried task's rows are not shown beyond the total");
        assertEquals("Vectorizing: 5,000 documents, 1,000 documents/s",
                ProgressLine.text("Vectorizing", ProgressLine.Unit.DOCUMENTS, 5_000, 0, 5), "unknown total: no share, no time left");
        assertEquals("Reading: 4.0 MB of 28 MB (14%), 0.8 MB/s, 30 s left",
                ProgressLine.text("Reading", ProgressLine.Unit.BYTES, 4_000_000, 28_000_000, 5));
        assertEquals("Epoch 1/4: 100/1,000,000 rows (0%), 10 rows/s, 27 h 46 min left",
                ProgressLine.text("Epoch 1/4", ProgressLine.Unit.ROWS, 100, 1_000_000, 10));
        assertEquals("59 s", ProgressLine.duration(58.2));
        assertEquals("1 min 0 s", ProgressLine.duration(59.2));
        assertEquals("4 min 10 s", ProgressLine.duration(250));
        assertEquals("1 h 2 min", ProgressLine.duration(3725));
    }
}
