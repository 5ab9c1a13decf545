package textnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plots, the richer metrics, evaluate --output and the quality gate, on the toy TSV through the CLI. */
class KerasWorkflowTest {

    @TempDir
    static Path dir;
    static Path train;
    static Path test;

    @BeforeAll
    static void data() throws Exception {
        SparkTestSupport.spark();
        train = Files.writeString(dir.resolve("train.tsv"), TsvAndPredictTest.tsv(600, 1));
        test = Files.writeString(dir.resolve("test.tsv"), TsvAndPredictTest.tsv(200, 2));
    }

    static CliRunner.Outcome train(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", SparkTestSupport.project().resolve("conf/imdb.yaml").toString(),
                "--out", out.toString(), "--master", "local[2]", "--set", "data.format=tsv", "--set", "data.train=" + train,
                "--set", "data.test=" + test, "--set", "train.epochs=6", "--set", "train.batch-size=32",
                "--set", "data.validation=100"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    static String lastLine(String s) {
        List<String> lines = s.lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void plotsMetricsAndEvaluateOutput() throws Exception {
        Path out = dir.resolve("run");
        CliRunner.Outcome run = train(out);
        assertEquals(0, run.exitCode(), run.toString());
        for (String png : List.of("loss.png", "accuracy.png")) {
            BufferedImage image = ImageIO.read(out.resolve(png).toFile());
            assertEquals(800, image.getWidth(), png);
            assertEquals(500, image.getHeight(), png);
        }

        // binary metrics agree with the confusion matrix they come with
        JsonNode t = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).path("test");
        JsonNode cm = t.path("confusion_matrix");
        double tp = cm.get(1).get(1).asDouble();
        double fp = cm.get(0).get(1).asDouble();
        double fn = cm.get(1).get(0).asDouble();
        assertEquals(tp / (tp + fp), t.path("precision").asDouble(), 1e-12);
        assertEquals(tp / (tp + fn), t.path("recall").asDouble(), 1e-12);
        assertEquals("yes", t.path("positive_class").asText());
        double auc = t.path("roc_auc").asDouble();
        assertTrue(auc > t.path("accuracy").asDouble() - 0.1 && auc <= 1.0, "ROC-AUC " + auc);
        List<String> stdout = run.out().lines().toList();
        int summary = stdout.indexOf(stdout.stream().filter(l -> l.startsWith("Test - loss: ")).findFirst().orElseThrow());
        assertTrue(stdout.get(summary + 1).contains("roc_auc: "), run.out());

        // plot redraws the figures from metrics.json alone
        Files.delete(out.resolve("loss.png"));
        byte[] accuracyBefore = Files.readAllBytes(out.resolve("accuracy.png"));
        assertEquals(0, CliRunner.run("plot", out.toString()).exitCode());
        assertTrue(Files.size(out.resolve("loss.png")) > 1000);
        assertEquals(accuracyBefore.length, Files.readAllBytes(out.resolve("accuracy.png")).length);
        assertEquals(3, CliRunner.run("plot", dir.resolve("no-such-run").toString()).exitCode());

        // evaluate --output writes the same metrics as JSON
        Path json = dir.resolve("eval/metrics.json");
        CliRunner.Outcome evaluate = CliRunner.run("evaluate", "--model", out.resolve("model").toString(),
                "--output", json.toString());
        assertEquals(0, evaluate.exitCode(), evaluate.toString());
        JsonNode e = new ObjectMapper().readTree(json.toFile());
        assertEquals(t.path("roc_auc").asDouble(), e.path("roc_auc").asDouble(), 1e-9);
        assertEquals(t.path("f1").asDouble(), e.path("f1").asDouble(), 1e-9);
        assertTrue(evaluate.out().startsWith("Test - loss: "), evaluate.out());
    }

    @Test
    void qualityGateBelowTheBarPublishesNoModel() throws Exception {
        Path out = dir.resolve("gated");
        CliRunner.Outcome run = train(out, "--min-accuracy", "0.5", "--min-metric", "f1=0.999");
        assertEquals(6, run.exitCode(), run.toString());
        String error = lastLine(run.err());
        assertTrue(error.startsWith("textnet: error: quality gate failed: test f1 "), error);
        assertTrue(error.contains("is below the bar 0.999"), error);
        assertFalse(error.contains("accuracy"), "accuracy passed its bar: " + error);
        assertTrue(Files.exists(out.resolve("metrics.json")), "the metrics are written");
        assertTrue(Files.exists(out.resolve("loss.png")));
        assertFalse(Files.exists(out.resolve("model")), "the model is not published");
        assertFalse(Files.exists(out.resolve("_SUCCESS")));
        JsonNode gate = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).path("quality_gate");
        assertFalse(gate.path("passed").asBoolean(true));
        assertEquals(0.999, gate.path("bars").path("f1").asDouble());

        Path passed = dir.resolve("passed");
        CliRunner.Outcome ok = train(passed, "--min-accuracy", "0.5", "--min-metric", "roc_auc=0.5");
        assertEquals(0, ok.exitCode(), ok.toString());
        assertTrue(Files.exists(passed.resolve("_SUCCESS")));
        assertTrue(Files.exists(passed.resolve("model/model.json")));
        assertTrue(new ObjectMapper().readTree(passed.resolve("metrics.json").toFile())
                .path("quality_gate").path("passed").asBoolean(false));
    }

    @Test
    void badGateAndEarlyStoppingSettingsAreConfigErrors() {
        CliRunner.Outcome macro = train(dir.resolve("bad-1"), "--min-metric", "macro_f1=0.5");
        assertEquals(2, macro.exitCode(), macro.toString());
        assertTrue(lastLine(macro.err()).contains("--min-metric macro_f1: not a binary test metric"), macro.err());
        assertFalse(Files.exists(dir.resolve("bad-1/metrics.json")));

        CliRunner.Outcome noValidation = train(dir.resolve("bad-2"), "--set", "data.validation=0",
                "--set", "train.early-stopping.monitor=val_loss");
        assertEquals(2, noValidation.exitCode(), noValidation.toString());
        assertTrue(lastLine(noValidation.err()).contains("config key 'train.early-stopping.monitor'"), noValidation.err());
        assertTrue(lastLine(noValidation.err()).contains("data.validation"), noValidation.err());

        CliRunner.Outcome monitor = train(dir.resolve("bad-3"), "--set", "train.early-stopping.monitor=val_f1");
        assertEquals(2, monitor.exitCode());
        assertNotEquals(-1, lastLine(monitor.err()).indexOf("val_loss, val_accuracy, loss, accuracy"), monitor.err());
    }
}
