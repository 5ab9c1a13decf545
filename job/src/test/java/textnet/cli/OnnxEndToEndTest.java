package textnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;
import textnet.config.ConfigLoader;
import textnet.data.CorpusReaders;
import textnet.io.ModelFiles;
import textnet.io.OnnxExport;
import textnet.io.OnnxRuntime;
import textnet.io.TrainedModel;
import textnet.text.DocVector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ONNX graphs of trained models against {@code predict}, on every test review of the real corpora:
 * the IMDB tutorial (multi-hot words) and R52 with conf/reuters-tfidf.yaml and bigrams (tf-idf,
 * n-grams, a softmax over 52 topics). ONNX Runtime runs model-text.onnx on the raw texts and
 * model.onnx on the vectorizer's rows; each probability is within 1e-5 of predict's and every
 * document gets predict's class. Two epochs each: agreement, not accuracy, is the point here.
 */
class OnnxEndToEndTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void spark() {
        SparkTestSupport.spark();
    }

    @Test
    void imdbTutorialGraphsAgreeWithPredictOnEveryTestReview() throws Exception {
        Path corpus = SparkTestSupport.corpus("aclImdb-labeled.tar.gz");
        Path out = dir.resolve("imdb");
        TrainEndToEndTest.train(out, "imdb.yaml", corpus.toString(), "--set", "train.epochs=2");
        assertAgree(out, testTexts("data.format=aclimdb", "data.path=" + corpus), 25_000);
    }

    @Test
    void r52TfIdfBigramGraphsAgreeWithPredictOnEveryTestNewswire() throws Exception {
        Path corpus = SparkTestSupport.corpus("reuters21578.tar.gz");
        Path out = dir.resolve("r52");
        TrainEndToEndTest.train(out, "reuters-tfidf.yaml", corpus.toString(), "--set", "data.subset=r52",
                "--set", "vectorizer.ngrams=2", "--set", "train.epochs=2");
        assertAgree(out, testTexts("data.format=reuters21578", "data.subset=r52", "data.path=" + corpus), 2_568);
    }

    private static List<String> testTexts(String... data) {
        return CorpusReaders.read(SparkTestSupport.spark().sparkContext(), ConfigLoader.load(null, List.of(data)).data())
                .test().select("text").javaRDD().map(r -> r.getString(0)).collect();
    }

    private static void assertAgree(Path run, List<String> texts, int expectedCount) throws Exception {
        assertEquals(expectedCount, texts.size());
        Path modelDir = run.resolve("model");
        TrainedModel model = ModelFiles.load(modelDir);
        List<String> classes = model.vectorizer().labels().labels();

        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", Integer.toString(i));
            row.put("text", texts.get(i));
            lines.append(json.writeValueAsString(row)).append('\n');
        }
        Path input = Files.writeString(run.resolve("texts.jsonl"), lines);
        Path predicted = run.resolve("predicted.jsonl");
        CliRunner.Outcome p = CliRunner.run("predict", "--model", modelDir.toString(), "--input", input.toString(),
                "--output", predicted.toString(), "--master", "local[2]");
        assertEquals(0, p.exitCode(), p.toString());
        List<String> rows = Files.readAllLines(predicted);
        assertEquals(texts.size(), rows.size());

        List<float[]> fromText;
        List<float[]> fromRows;
        long start = System.nanoTime();
        try (OnnxRuntime text = new OnnxRuntime(modelDir.resolve(OnnxExport.TEXT_FILE))) {
            fromText = text.predictTexts(texts);
        }
        double textSeconds = (System.nanoTime() - start) / 1e9;
        List<DocVector> vectors = new ArrayList<>();
        texts.forEach(t -> vectors.add(model.vectorizer().vectorOf(t)));
        try (OnnxRuntime vector = new OnnxRuntime(modelDir.resolve(OnnxExport.VECTOR_FILE))) {
            fromRows = vector.predictVectors(vectors, model.spec().inputSize());
        }
        double worst = 0;
        for (int i = 0; i < texts.size(); i++) {
            JsonNode r = json.readTree(rows.get(i));
            assertEquals(Integer.toString(i), r.path("id").asText());
            int onnxText = argmax(fromText.get(i));
            int onnxRows = argmax(fromRows.get(i));
            assertEquals(r.path("label").asText(), classes.get(onnxText), "text graph's class, document " + i);
            assertEquals(r.path("label").asText(), classes.get(onnxRows), "vector graph's class, document " + i);
            for (int c = 0; c < classes.size(); c++) {
                double expected = r.path("probabilities").path(classes.get(c)).asDouble();
                assertEquals(expected, fromText.get(i)[c], 1e-5, "text graph, document " + i + ", class " + classes.get(c));
                assertEquals(expected, fromRows.get(i)[c], 1e-5, "vector graph, document " + i + ", class " + classes.get(c));
                worst = Math.max(worst, Math.max(Math.abs(expected - fromText.get(i)[c]), Math.abs(expected - fromRows.get(i)[c])));
            }
        }
        System.err.printf("ONNX vs predict on %d documents of %s: largest difference %.3g; text graph %.1f s%n",
                texts.size(), run.getFileName(), worst, textSeconds);
    }

    /** predict's rule: the first class with the largest probability (binary: [1 - p, p], so p above 0.5). */
    private static int argmax(float[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
