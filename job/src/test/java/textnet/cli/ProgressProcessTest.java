package textnet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Progress as a scheduler's log sees it: a real {@code train} in its own JVM, told by the launcher's
 * property that stderr is not a terminal ({@code -Dtextnet.progress=lines}). How long a phase takes
 * depends on the machine, so the rule is checked on what each phase took, as the run reports it:
 * a phase of 5 s or more shows at least one progress line (the first is due at 3 s), one under
 * 2.5 s shows none. The fixture is sized for epochs of several seconds (wide hidden layers, batches
 * of 4); on a machine that trains it faster, the run is repeated once with four times the rows.
 */
class ProgressProcessTest {

    private static final Pattern PROGRESS = Pattern.compile(
            "^(Reading|Choosing the vocabulary|Building rows|Evaluating|Epoch \\d+/\\d+): ([\\d,.]+)((/| MB of )[\\d,.]+)? (rows|documents|tasks|MB)"
                    + "( \\(\\d+%\\))?(, [\\d,.]+ \\S+/s(, .+ left)?)?$");
    private static final Pattern KERAS_EPOCH = Pattern.compile("^Epoch (\\d+)/2 - ([\\d.]+)s - loss: \\S+ - accuracy: \\S+$");
    private static final Pattern TIMES = Pattern.compile("read ([\\d.]+)s, vectorize ([\\d.]+)s\\)$");

    @TempDir
    Path dir;

    @Test
    void longPhasesPrintProgressLinesOnStderrOnlyAndStdoutKeepsExactlyItsLines() throws IOException {
        SparkTestSupport.spark(); // the class path is built; the run itself is another JVM
        int rows = 16_000;
        for (int attempt = 1; ; attempt++) {
            TextnetProcess.Outcome o = train(rows, attempt);
            List<Phase> phases = phases(o);
            boolean sawLongPhase = false;
            for (Phase phase : phases) {
                long lines = o.errLines().stream().filter(l -> phase.names().stream().anyMatch(n -> l.startsWith(n + ": "))).count();
                if (phase.seconds() >= 5) {
                    // vectorizing is three phases of the console: together 5 s, each may still be under 3 s
                    if (phase.names().size() == 1) {
                        sawLongPhase = true;
                        assertTrue(lines >= 1, phase + " took " + phase.seconds() + " s: a progress line is due at 3 s\n" + o);
                    }
                    // lines mode: about one every 10 s, no more (a tick's second of slack each)
                    assertTrue(lines <= phase.names().size() * (1 + (long) (phase.seconds() / 9)),
                            phase + ": " + lines + " lines\n" + o);
                } else if (phase.seconds() < 2.5) {
                    assertEquals(0, lines, phase + " took " + phase.seconds() + " s: too short for progress\n" + o);
                }
            }
            if (sawLongPhase) {
                assertTrue(o.errLines().stream().map(PROGRESS::matcher).anyMatch(m -> m.matches() && !m.group(2).matches("[0,.]+")),
                        "a progress line counted something: the tasks' counters reached the driver while they ran\n" + o);
                return;
            }
            assertTrue(attempt < 2, "no phase took 5 s even with " + rows + " rows: make the fixture larger\n" + o);
            rows *= 4;
        }
    }

    private TextnetProcess.Outcome train(int rows, int attempt) throws IOException {
        Path train = Files.writeString(dir.resolve("train-" + attempt + ".tsv"), tsv(rows, 1));
        Path test = Files.writeString(dir.resolve("test-" + attempt + ".tsv"), tsv(rows / 4, 2));
        TextnetProcess.Outcome o = TextnetProcess.run(dir, dir.resolve("tmp-" + attempt), List.of("-Dtextnet.progress=lines"),
                "train", SparkTestSupport.project().resolve("conf/imdb.yaml").toAbsolutePath().toString(),
                "--out", dir.resolve("run-" + attempt).toString(), "--master", "local[2]",
                "--set", "data.format=tsv", "--set", "data.train=" + train, "--set", "data.test=" + test,
                "--set", "train.epochs=2", "--set", "train.batch-size=4",
                "--set", "model.layers.0.units=256", "--set", "model.layers.1.units=256");
        assertEquals(0, o.exitCode(), o.toString());
        assertStdoutIsKerasAndTestLines(o);
        for (String line : o.errLines()) {
            assertTrue(TextnetProcess.isOwnLine(line) || PROGRESS.matcher(line).matches(),
                    "stderr has textnet's lines and progress lines only, not '" + line + "'\n" + o);
        }
        return o;
    }

    /** stdout: the two epochs' Keras lines, then the test report; never a progress line. */
    private static void assertStdoutIsKerasAndTestLines(TextnetProcess.Outcome o) {
        List<String> out = o.out().lines().toList();
        assertTrue(out.size() > 3, o.toString());
        assertTrue(KERAS_EPOCH.matcher(out.get(0)).matches() && out.get(0).startsWith("Epoch 1/2 - "), o.toString());
        assertTrue(KERAS_EPOCH.matcher(out.get(1)).matches() && out.get(1).startsWith("Epoch 2/2 - "), o.toString());
        assertTrue(out.get(2).startsWith("Test - loss: "), o.toString());
        for (String line : out.subList(3, out.size())) {
            assertTrue(line.startsWith("  "), "the test report's lines are indented: '" + line + "'\n" + o);
        }
        assertFalse(o.out().contains("\r") || o.out().contains("\u001B"), o.toString());
    }

    /** What the run reports as one phase, and the names of the console's phases in it. */
    record Phase(List<String> names, double seconds) {
    }

    /** Vectorizing (the stderr summary's vectorize time) and each epoch (its Keras line). */
    private static List<Phase> phases(TextnetProcess.Outcome o) {
        List<Phase> phases = new ArrayList<>();
        for (String line : o.errLines()) {
            Matcher m = TIMES.matcher(line);
            if (m.find()) {
                // the corpus is read lazily, by the vectorizer's passes: "Reading" and the vectorizer's
                // later steps span the vectorize time ("read" only lists and checks the input files)
                phases.add(new Phase(List.of("Reading", "Choosing the vocabulary", "Building rows"),
                        Double.parseDouble(m.group(2))));
            }
        }
        assertEquals(1, phases.size(), o.toString());
        for (String line : o.out().lines().toList()) {
            Matcher m = KERAS_EPOCH.matcher(line);
            if (m.matches()) {
                phases.add(new Phase(List.of("Epoch " + m.group(1) + "/2"), Double.parseDouble(m.group(2))));
            }
        }
        return phases;
    }

    /** label TAB text: 100 tokens from 5,000 filler words, a fifth of them telling the label. */
    private static String tsv(int rows, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            boolean yes = r.nextBoolean();
            sb.append(yes ? "yes" : "no").append('\t');
            for (int w = 0; w < 100; w++) {
                sb.append(w == 0 ? "" : " ").append(r.nextInt(5) == 0 ? (yes ? "good" : "bad") + r.nextInt(50) : "w" + r.nextInt(5_000));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
