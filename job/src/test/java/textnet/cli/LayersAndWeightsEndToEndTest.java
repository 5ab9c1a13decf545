package textnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13's options on the real corpora, through the command line: Chollet's IMDB network with
 * Dropout(0.5) and l2(0.002) trains, saves those layers, and `evaluate` (dropout off) reproduces the
 * run's test metrics; R8 with balanced class weights records scikit-learn's weights and keeps its
 * accuracy. The bars sit below the measured values (README, "Dropout and weight regularization" and
 * "Class weights") by the spread one epoch count or seed can make.
 */
class LayersAndWeightsEndToEndTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void spark() {
        SparkTestSupport.spark();
    }

    @Test
    void imdbWithDropoutAndL2TrainsSavesAndEvaluatesTheSame() throws Exception {
        Path corpus = SparkTestSupport.corpus("aclImdb-labeled.tar.gz");
        Path out = dir.resolve("imdb-dropout-l2");
        JsonNode m = TrainEndToEndTest.train(out, "imdb.yaml", corpus.toString(), "--set",
                "model.layers=[{units: 16, activation: relu, kernel-regularizer: {l2: 0.002}}, {dropout: 0.5},"
                        + " {units: 16, activation: relu, kernel-regularizer: {l2: 0.002}}, {dropout: 0.5}]");
        double accuracy = m.path("test").path("accuracy").asDouble();
        System.err.println("IMDB with dropout and l2: test accuracy " + accuracy);
        assertTrue(accuracy >= 0.875, "IMDB dropout + l2 test accuracy " + accuracy); // measured 0.8881

        JsonNode model = new ObjectMapper().readTree(out.resolve("model/model.json").toFile());
        assertEquals("dropout", model.path("layers").get(1).path("type").asText(), model.toString());
        assertEquals(0.5, model.path("layers").get(1).path("rate").asDouble());
        assertEquals(0.002, model.path("layers").get(0).path("kernel_regularizer").path("l2").asDouble(), 1e-12);

        Path evaluated = dir.resolve("imdb-evaluate.json");
        CliRunner.Outcome run = CliRunner.run("evaluate", "--model", out.resolve("model").toString(),
                "--data", corpus.toString(), "--output", evaluated.toString(), "--master", "local[2]");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode again = new ObjectMapper().readTree(evaluated.toFile());
        assertEquals(m.path("test").path("accuracy").asDouble(), again.path("accuracy").asDouble(), 0.0,
                "evaluate runs the saved model without dropout, as the run's test evaluation did");
        assertEquals(m.path("test").path("loss").asDouble(), again.path("loss").asDouble(), 1e-9);
    }

    @Test
    void r8WithBalancedClassWeights() throws Exception {
        Path corpus = SparkTestSupport.corpus("reuters21578.tar.gz");
        JsonNode m = TrainEndToEndTest.train(dir.resolve("r8-balanced"), "reuters.yaml", corpus.toString(),
                "--set", "data.subset=r8", "--set", "train.class-weight=balanced");
        JsonNode weights = m.path("class_weight");
        assertEquals(8, weights.size(), m.toString());
        // scikit-learn's balanced weight: n / (classes * count); R8's 5,485 training documents
        long earn = 2840;
        long grain = 41;
        assertEquals(5485.0 / (8 * earn), weights.path("earn").asDouble(), 1e-4, weights.toString());
        assertEquals(5485.0 / (8 * grain), weights.path("grain").asDouble(), 1e-3, weights.toString());
        double accuracy = m.path("test").path("accuracy").asDouble();
        double macroF1 = m.path("test").path("macro_f1").asDouble();
        System.err.println("R8 balanced: test accuracy " + accuracy + ", macro_f1 " + macroF1);
        assertTrue(accuracy >= 0.945, "R8 balanced accuracy " + accuracy);
        assertTrue(macroF1 >= 0.87, "R8 balanced macro_f1 " + macroF1); // measured 0.9657, 0.8889 (15 epochs)
    }
}
