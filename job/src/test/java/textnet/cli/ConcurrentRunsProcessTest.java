package textnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.io.OwnedFolder;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two real textnet processes at once, and a killed one: exactly one run writes an output; the loser
 * says who holds it; a killed run's scratch folder (its run, Spark's local dirs, temp files) is
 * removed by the next run that starts beside it, and nothing lands in the system temp folder.
 */
class ConcurrentRunsProcessTest {

    @TempDir
    Path dir;

    private List<String> train(Path out, int epochs, String... more) throws Exception {
        Path trainFile = dir.resolve("train.tsv");
        Path testFile = dir.resolve("test.tsv");
        if (!Files.exists(trainFile)) {
            Files.writeString(trainFile, TsvAndPredictTest.tsv(600, 1));
            Files.writeString(testFile, TsvAndPredictTest.tsv(200, 2));
        }
        List<String> args = new ArrayList<>(List.of("train", CliChecks.config(), "--out", out.toString(),
                "--set", "data.format=tsv", "--set", "data.train=" + trainFile, "--set", "data.test=" + testFile,
                "--set", "train.epochs=" + epochs, "--set", "train.batch-size=8", "--master", "local[2]"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void twoRunsStartedTogetherWithTheSameOutOneWinsTheOtherExits4NamingIt() throws Exception {
        Path out = dir.resolve("runs/same");
        Path tmp = dir.resolve("tmp");
        // both start at once; each trains long enough (120 small epochs, ~10 s) to still hold the folder
        // when the other one tries it
        List<String> args = train(out, 120);
        Process a = TextnetProcess.start(dir, tmp, List.of(), args, dir.resolve("a.out"), dir.resolve("a.err"));
        Process b = TextnetProcess.start(dir, tmp, List.of(), args, dir.resolve("b.out"), dir.resolve("b.err"));
        for (Process p : List.of(a, b)) {
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                String why = TextnetProcess.stuck(p, dir, dir.resolve(p == a ? "a.err" : "b.err"));
                a.destroyForcibly();
                b.destroyForcibly();
                fail("textnet did not finish in 300 s\n" + why);
            }
        }
        TextnetProcess.Outcome oa = TextnetProcess.outcome(a, dir.resolve("a.out"), dir.resolve("a.err"));
        TextnetProcess.Outcome ob = TextnetProcess.outcome(b, dir.resolve("b.out"), dir.resolve("b.err"));
        boolean aWon = oa.exitCode() == 0;
        TextnetProcess.Outcome winner = aWon ? oa : ob;
        TextnetProcess.Outcome loser = aWon ? ob : oa;
        TextnetProcess.assertCleanSuccess(winner);
        TextnetProcess.assertOneCleanError(loser, 4, "output folder " + out, "being written by another textnet run",
                "pid " + (aWon ? a : b).pid());
        assertTrue(winner.err().contains("wrote " + out) && !loser.err().contains("wrote "), "only one says it wrote the run");
        assertEquals(120, new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).path("history").size(),
                "the published run is the winner's, whole");
        assertEquals(List.of("same"), TextnetProcess.entries(dir.resolve("runs")), "no lock, scratch or checkpoints left");
        assertEquals(List.of(), TextnetProcess.entries(tmp), "nothing in the JVMs' temp folder");
    }

    @Test
    void aKilledRunsLeftoversAreRemovedByTheNextRunWithANote() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Path tmp = dir.resolve("tmp");
        Process killed = TextnetProcess.start(dir, tmp, List.of(), train(runs.resolve("a"), 200), null, dir.resolve("a.err"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("Epoch 2/")) {
                // training: Spark's local dirs and the staged run exist now
            }
        } finally {
            killed.destroyForcibly();
            killed.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> left = TextnetProcess.entries(runs);
        Path scratch = runs.resolve(left.stream().filter(n -> n.startsWith(".a.textnet-" + killed.pid() + "-"))
                .findFirst().orElseThrow(() -> new AssertionError("a scratch folder of the killed run: " + left)));
        assertTrue(Files.isDirectory(scratch.resolve("spark")), "Spark's local dirs were in the scratch folder");
        assertTrue(Files.isDirectory(scratch.resolve("run")) && Files.exists(scratch.resolve("run/" + OwnedFolder.MARKER)));
        assertFalse(Files.exists(runs.resolve("a")), "a killed run publishes nothing");

        TextnetProcess.Outcome next = TextnetProcess.run(dir, tmp, List.of(), train(runs.resolve("b"), 1).toArray(String[]::new));
        TextnetProcess.assertCleanSuccess(next);
        assertTrue(next.err().contains("note: removed " + scratch + ", left by a textnet run that is gone (pid "
                + killed.pid()), next.err());
        assertEquals(List.of("a-checkpoints", "b"), TextnetProcess.entries(runs),
                "the killed run's scratch and lock are gone; its checkpoints stay for --resume");
        assertEquals(List.of(), TextnetProcess.entries(tmp), "no spark-*, blockmgr-* or native libraries in the temp folder");
    }
}
