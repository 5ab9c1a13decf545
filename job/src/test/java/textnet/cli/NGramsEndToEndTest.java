package textnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * conf/imdb-ngrams.yaml on the real IMDB archive: unigrams and bigrams lift the tutorial network above
 * 0.90; the vocabulary holds bigrams; `evaluate` (which vectorizes through predict's path, not
 * training's) reproduces the run's test metrics exactly. The bar sits below the measured 0.9025.
 */
class NGramsEndToEndTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void spark() {
        SparkTestSupport.spark();
    }

    @Test
    void imdbBigramsTrainAndEvaluateTheSame() throws Exception {
        Path corpus = SparkTestSupport.corpus("aclImdb-labeled.tar.gz");
        Path out = dir.resolve("imdb-ngrams");
        JsonNode m = TrainEndToEndTest.train(out, "imdb-ngrams.yaml", corpus.toString());
        double accuracy = m.path("test").path("accuracy").asDouble();
        System.err.println("IMDB unigrams and bigrams: test accuracy " + accuracy);
        assertTrue(accuracy >= 0.895, "IMDB bigram test accuracy " + accuracy); // measured 0.9025

        JsonNode model = new ObjectMapper().readTree(out.resolve("model/model.json").toFile());
        assertEquals(2, model.path("vectorizer").path("ngrams").asInt());
        List<String> vocabulary = Files.readAllLines(out.resolve("model/vocabulary.txt"));
        assertEquals(20_000, vocabulary.size());
        assertTrue(vocabulary.contains("of the"), "a frequent bigram is kept");
        assertTrue(vocabulary.stream().filter(t -> t.contains(" ")).count() > 5_000, "bigrams fill much of it");

        Path evaluated = dir.resolve("imdb-ngrams-evaluate.json");
        CliRunner.Outcome run = CliRunner.run("evaluate", "--model", out.resolve("model").toString(),
                "--data", corpus.toString(), "--output", evaluated.toString(), "--master", "local[2]");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode again = new ObjectMapper().readTree(evaluated.toFile());
        assertEquals(accuracy, again.path("accuracy").asDouble(), 0.0);
        assertEquals(m.path("test").path("loss").asDouble(), again.path("loss").asDouble(), 1e-12);
    }
}
