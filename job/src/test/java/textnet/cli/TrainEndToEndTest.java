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

/** The tutorials' networks on the real corpora, through the command line, as a user runs them. */
class TrainEndToEndTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void spark() {
        SparkTestSupport.spark();
    }

    static Path conf(String name) {
        return SparkTestSupport.project().resolve("conf").resolve(name);
    }

    static JsonNode train(Path out, String config, String data, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("train", conf(config).toString(), "--data", data,
                "--out", out.toString(), "--master", "local[2]"));
        args.addAll(List.of(extra));
        CliRunner.Outcome run = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(Files.exists(out.resolve("_SUCCESS")), run.toString());
        assertTrue(Files.exists(out.resolve("history.csv")));
        assertTrue(Files.exists(out.resolve("model/model.json")));
        return new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    }

    @Test
    void imdbTutorialNetwork() throws Exception {
        Path corpus = SparkTestSupport.corpus("aclImdb-labeled.tar.gz");
        JsonNode m = train(dir.resolve("imdb"), "imdb.yaml", corpus.toString());
        assertEquals("binary", m.path("task").asText());
        assertEquals(List.of("neg", "pos"), List.of(m.path("classes").get(0).asText(), m.path("classes").get(1).asText()));
        assertEquals(25_000, m.path("test").path("rows").asLong());
        assertEquals(4, m.path("history").size());
        double accuracy = m.path("test").path("accuracy").asDouble();
        System.err.println("IMDB test accuracy " + accuracy + ", seconds " + m.path("seconds"));
        assertTrue(accuracy >= 0.875, "IMDB test accuracy " + accuracy);
        assertTrue(m.path("history").get(3).path("loss").asDouble() < m.path("history").get(0).path("loss").asDouble());
    }

    @Test
    void reutersR52AndR8() throws Exception {
        Path corpus = SparkTestSupport.corpus("reuters21578.tar.gz");
        JsonNode r52 = train(dir.resolve("r52"), "reuters.yaml", corpus.toString());
        assertEquals(52, r52.path("classes").size());
        assertEquals(2568, r52.path("test").path("rows").asLong());
        double a52 = r52.path("test").path("accuracy").asDouble();
        JsonNode r8 = train(dir.resolve("r8"), "reuters.yaml", corpus.toString(), "--set", "data.subset=r8");
        assertEquals(8, r8.path("classes").size());
        assertEquals(2189, r8.path("test").path("rows").asLong());
        double a8 = r8.path("test").path("accuracy").asDouble();
        System.err.println("R52 test accuracy " + a52 + ", R8 " + a8);
        assertTrue(a52 >= 0.90, "R52 test accuracy " + a52);
        assertTrue(a8 >= 0.95, "R8 test accuracy " + a8);
    }

    @Test
    void sameSeedSameMetrics() throws Exception {
        Path corpus = SparkTestSupport.corpus("reuters21578.tar.gz");
        JsonNode a = train(dir.resolve("again-1"), "reuters.yaml", corpus.toString(), "--set", "train.epochs=2");
        JsonNode b = train(dir.resolve("again-2"), "reuters.yaml", corpus.toString(), "--set", "train.epochs=2");
        assertEquals(a.path("test"), b.path("test"), "every test metric, to the last digit");
        assertEquals(a.path("history").get(1).path("loss").asDouble(), b.path("history").get(1).path("loss").asDouble());
    }
}
