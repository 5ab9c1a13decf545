package textnet.cli;

import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.data.CorpusReaders;
import textnet.text.VectorizedCorpus;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's phases over a real vectorizing, on a clock the test moves: each step is made to
 * last 4 s by that clock (past the 3 s before a line shows), the real ticks draw it, and the test
 * waits for the line that its finished jobs are due to show.
 */
class ConsoleProgressTest {

    private static final String ERASE = ProgressLine.ERASE;

    @TempDir
    Path dir;

    @Test
    void vectorizingShowsTheReadingThenEachStepOnATerminal() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            lines.add((i % 2 == 0 ? "yes" : "no") + "\tword" + i % 37 + " other" + i % 11 + " and more words".repeat(40));
        }
        Path train = Files.write(dir.resolve("train.tsv"), lines.subList(0, 300));
        Path test = Files.write(dir.resolve("test.tsv"), lines.subList(300, 400));
        JobConfig config = ConfigLoader.load(null, List.of("data.format=tsv", "data.train=" + train,
                "data.test=" + test, "train.partitions=2"));
        long bytes = Files.size(train) + Files.size(test);
        SparkContext sc = SparkTestSupport.spark().sparkContext();
        AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        List<String> waitedFor = new ArrayList<>();
        try (ConsoleProgress console = ConsoleProgress.start(ProgressMode.TERMINAL, sc, out, nanos::get)) {
            ConsoleProgress.Steps steps = console.vectorizing(config.data(), VectorizedCorpus.passes(config));
            // the reading counts bytes to the end; each later step counts its newest stage's tasks
            List<Pattern> due = List.of(
                    Pattern.compile("Reading: [\\d.]+ MB of [\\d.]+ MB \\(100%\\)"),
                    Pattern.compile("Choosing the vocabulary: (\\d+)/\\1 tasks \\(100%\\)"),
                    Pattern.compile("Building rows: (\\d+)/\\1 tasks \\(100%\\)"));
            VectorizedCorpus.of(CorpusReaders.read(SparkTestSupport.spark().sparkContext(), config.data()), config, step -> {
                waitFor(due.get(waitedFor.size()), nanos, printed);
                waitedFor.add(step);
                steps.next(step);
            });
            waitFor(due.get(waitedFor.size()), nanos, printed);
            steps.close();
        }
        assertEquals(List.of("Choosing the vocabulary", "Building rows"), waitedFor);
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith(ERASE), "the last step's line is erased as it ends: " + text);
        // every drawn text belongs to the phase running then, in order, and none after its end
        List<String> drawn = List.of(text.substring(ERASE.length()).split(Pattern.quote(ERASE)));
        int phase = 0;
        for (String d : drawn) {
            if (d.isEmpty()) { // a phase's end, then the next one's first line
                continue;
            }
            while (!d.startsWith(List.of("Reading: ", "Choosing the vocabulary: ", "Building rows: ").get(phase))) {
                phase++;
            }
        }
        assertEquals(2, phase, text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, " MB of %.1f MB (100%%)", bytes / 1e6)), text);
    }

    /** Moves the clock 4 s on, and waits for the real ticks to draw a line matching {@code line}. */
    private static void waitFor(Pattern line, AtomicLong nanos, ByteArrayOutputStream printed) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(4));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            String[] drawn = printed.toString(StandardCharsets.UTF_8).split(Pattern.quote(ERASE));
            if (line.matcher(drawn[drawn.length - 1]).lookingAt()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no line like '" + line + "' within 20 s: " + printed.toString(StandardCharsets.UTF_8));
    }
}
