package textnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

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

/**
 * A lost driver: a real training JVM is killed (SIGKILL) after its third epoch; {@code --resume}
 * continues from the last complete checkpoint and ends with the metrics of an uninterrupted run.
 */
class ResumeEndToEndTest {

    @TempDir
    Path dir;

    private List<String> args(Path train, Path test, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", SparkTestSupport.project().resolve("conf/imdb.yaml").toString(),
                "--out", out.toString(), "--set", "data.format=tsv", "--set", "data.train=" + train,
                "--set", "data.test=" + test, "--set", "train.epochs=40", "--set", "train.batch-size=8",
                "--master", "local[2]"));
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    void killedDriverResumesToTheSameMetrics() throws Exception {
        SparkTestSupport.spark();
        Path train = Files.writeString(dir.resolve("train.tsv"), TsvAndPredictTest.tsv(600, 11));
        Path test = Files.writeString(dir.resolve("test.tsv"), TsvAndPredictTest.tsv(200, 12));

        // the driver that dies: a separate JVM, killed once it has printed its third epoch
        Path checkpoints = dir.resolve("ck");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("textnet.jvm.options", "").split("\\s+")));
        command.addAll(List.of("-Xmx2g", "-cp", System.getProperty("java.class.path"), "textnet.cli.Main"));
        command.addAll(args(train, test, dir.resolve("killed"), "--checkpoints", checkpoints.toString()));
        command.removeIf(String::isEmpty);
        Process driver = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean sawThird = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("Epoch 3/40")) {
                    sawThird = true;
                    driver.destroyForcibly();
                    break;
                }
            }
        } finally {
            driver.destroyForcibly();
            driver.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(sawThird, "the training JVM got to epoch 3");
        assertFalse(Files.exists(dir.resolve("killed")), "a killed run publishes nothing");
        assertTrue(Files.exists(checkpoints.resolve("epoch-0003")), "epoch 3 was checkpointed before its line");

        CliRunner.Outcome resumed = CliRunner.run(args(train, test, dir.resolve("resumed"), "--resume", checkpoints.toString())
                .toArray(String[]::new));
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("Epoch 3/40") && resumed.out().contains("(from checkpoint)"), resumed.out());
        CliRunner.Outcome whole = CliRunner.run(args(train, test, dir.resolve("whole")).toArray(String[]::new));
        assertEquals(0, whole.exitCode(), whole.toString());

        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(dir.resolve("resumed/metrics.json").toFile());
        JsonNode b = json.readTree(dir.resolve("whole/metrics.json").toFile());
        assertEquals(b.path("test").path("loss").asDouble(), a.path("test").path("loss").asDouble());
        assertEquals(b.path("test").path("accuracy").asDouble(), a.path("test").path("accuracy").asDouble());
        assertEquals(40, a.path("history").size());
        for (int e = 0; e < 40; e++) {
            assertEquals(b.path("history").get(e).path("loss").asDouble(), a.path("history").get(e).path("loss").asDouble());
        }
        assertFalse(Files.exists(checkpoints), "checkpoints are removed once the run is published");
    }

    @Test
    void resumeRefusesACheckpointOfAnotherConfig() throws Exception {
        Path train = Files.writeString(dir.resolve("train.tsv"), TsvAndPredictTest.tsv(100, 1));
        Path test = Files.writeString(dir.resolve("test.tsv"), TsvAndPredictTest.tsv(50, 2));
        Path ck = dir.resolve("ck");
        // a checkpoint made with another batch size
        textnet.config.JobConfig config = textnet.config.ConfigLoader.load(SparkTestSupport.project().resolve("conf/imdb.yaml"),
                List.of("train.batch-size=99"));
        new textnet.io.Checkpoints(ck, config).save(new textnet.train.Progress(1,
                new textnet.train.TrainingState(new float[1], new float[1], 1), List.of()));
        CliRunner.Outcome o = CliRunner.run(args(train, test, dir.resolve("o"), "--resume", ck.toString()).toArray(String[]::new));
        assertEquals(2, o.exitCode(), o.toString());
        assertTrue(o.err().contains("another config"), o.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }
}
