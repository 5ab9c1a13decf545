package textnet.io;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.config.OutputMode;
import textnet.nn.Network;
import textnet.text.ColumnValues;
import textnet.text.DocVector;
import textnet.text.LabelIndex;
import textnet.text.MultiHotBatch;
import textnet.text.TextVectorizer;
import textnet.text.Vocabulary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * model.onnx and model-text.onnx on small models of every layer, output mode and task, run with
 * ONNX Runtime and compared with textnet's own forward pass (what predict reports): the text graph
 * on raw strings (case, punctuation, repeats, n-grams, empty documents, a batch with no token at
 * all), the vector graph on the vectorizer's rows.
 */
class OnnxExportTest {

    @TempDir
    Path dir;

    private static final List<String> TEXTS = List.of("Good good FILM!", "bad plot, plot... plot it's bad",
            "film plot good film plot good", "", "!!! ---", "It's BAD; it's bad, it's bad. Good film?",
            "nothing we know", "good\tfilm\nplot", "'quoted' it's", "Ünïcödé good fïlm Straße");

    static TrainedModel model(String layers, int ngrams, OutputMode mode, List<String> labels, String... more) {
        List<String> settings = new ArrayList<>(List.of("name=tiny", "model.layers=" + layers,
                "vectorizer.ngrams=" + ngrams, "vectorizer.output-mode=" + mode.key()));
        settings.addAll(List.of(more));
        JobConfig config = ConfigLoader.load(null, settings);
        List<String> tokens = new ArrayList<>(List.of("good", "bad", "film", "plot", "it's", "'quoted'"));
        if (ngrams > 1) {
            tokens.addAll(List.of("good film", "it's bad", "film plot"));
        }
        if (ngrams > 2) {
            tokens.addAll(List.of("plot it's bad", "film plot good"));
        }
        float[] idf = new float[tokens.size()];
        for (int c = 0; c < idf.length; c++) {
            idf[c] = (float) Math.log(1 + 10.0 / (2 + c));
        }
        ColumnValues values = mode == OutputMode.TF_IDF ? ColumnValues.tfIdf(idf) : ColumnValues.of(mode);
        TextVectorizer vectorizer = new TextVectorizer(config.vectorizer(), new Vocabulary(tokens), values,
                new LabelIndex(labels));
        var spec = TrainedModel.specOf(config, vectorizer);
        float[] params = new Network(spec).initialParameters(7);
        for (int i = 0; i < params.length; i++) {
            params[i] += 0.01f * (i % 13) - 0.05f; // non-zero biases too
        }
        return new TrainedModel(config, vectorizer, spec, params);
    }

    /** What predict reports for each text: textnet's forward pass over the vectorizer's rows. */
    static List<float[]> textnet(TrainedModel m, List<String> texts) {
        List<DocVector> rows = texts.stream().map(m.vectorizer()::vectorOf).toList();
        float[] out = new Network(m.spec()).predict(m.parameters(), MultiHotBatch.unlabelled(rows));
        int units = out.length / texts.size();
        List<float[]> probabilities = new ArrayList<>();
        for (int r = 0; r < texts.size(); r++) {
            float[] p = java.util.Arrays.copyOfRange(out, r * units, (r + 1) * units);
            probabilities.add(units == 1 && !m.spec().multiLabel() ? new float[]{1 - p[0], p[0]} : p);
        }
        return probabilities;
    }

    static List<float[]> denseRows(TrainedModel m, List<String> texts) {
        List<float[]> rows = new ArrayList<>();
        for (String t : texts) {
            rows.add(OnnxRuntime.dense(m.vectorizer().vectorOf(t), m.spec().inputSize()));
        }
        return rows;
    }

    private void assertGraphsAgree(TrainedModel m, List<String> texts) throws Exception {
        Path folder = Files.createTempDirectory(dir, "model");
        ModelFiles.save(m, folder);
        List<float[]> expected = textnet(m, texts);
        try (OnnxRuntime text = new OnnxRuntime(folder.resolve(OnnxExport.TEXT_FILE));
             OnnxRuntime vector = new OnnxRuntime(folder.resolve(OnnxExport.VECTOR_FILE))) {
            List<float[]> fromText = text.predictTexts(texts);
            List<float[]> fromRows = vector.predictRows(denseRows(m, texts), m.spec().inputSize());
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(expected.get(i), fromText.get(i), 1e-6f, "text graph, text " + i + ": " + texts.get(i));
                assertArrayEquals(expected.get(i), fromRows.get(i), 1e-6f, "vector graph, text " + i);
            }
        }
    }

    @Test
    void bothGraphsGiveTextnetsProbabilitiesInEveryOutputModeWithAndWithoutNGrams() throws Exception {
        for (OutputMode mode : OutputMode.values()) {
            for (int ngrams : new int[]{1, 3}) {
                for (List<String> labels : List.of(List.of("neg", "pos"), List.of("a", "b", "c"))) {
                    assertGraphsAgree(model("[{units: 4, activation: relu}]", ngrams, mode, labels), TEXTS);
                }
            }
        }
    }

    @Test
    void everyActivationDropoutAndMultiLabelOutputs() throws Exception {
        String layers = "[{units: 5, activation: tanh}, {dropout: 0.5}, {units: 4, activation: sigmoid},"
                + " {units: 3, activation: linear}, {units: 3, activation: relu}]";
        assertGraphsAgree(model(layers, 2, OutputMode.TF_IDF, List.of("x", "y", "z", "w")), TEXTS);
        assertGraphsAgree(model(layers, 1, OutputMode.MULTI_HOT, List.of("x", "y", "z"), "data.labels=multi"), TEXTS);
    }

    @Test
    void aBatchWhoseDocumentsHaveNoTokenAtAllGivesTheEmptyRowsProbabilities() throws Exception {
        for (OutputMode mode : OutputMode.values()) {
            assertGraphsAgree(model("[{units: 4, activation: relu}]", 2, mode, List.of("neg", "pos")),
                    List.of("", "?!", "   ", "---"));
        }
    }

    @Test
    void withoutLowercasingAndWithAnotherTokenPatternTheGraphSplitsAsTextnetDoes() throws Exception {
        assertGraphsAgree(model("[{units: 4, activation: relu}]", 2, OutputMode.COUNT, List.of("neg", "pos"),
                "vectorizer.lowercase=false"), TEXTS);
        assertGraphsAgree(model("[{units: 4, activation: relu}]", 2, OutputMode.COUNT, List.of("neg", "pos"),
                "vectorizer.token-pattern='[\\s,.;!?]+'"), TEXTS);
    }

    @Test
    void aTokenPatternRe2ReadsDifferentlyKeepsOnlyTheVectorGraphAndSaysWhy() throws Exception {
        for (String pattern : List.of("(?<=x)\\s", "\\s+|,", "\\s*", "[\\s]+?", "(\\w)\\1")) {
            TrainedModel m = model("[{units: 4, activation: relu}]", 1, OutputMode.MULTI_HOT, List.of("neg", "pos"),
                    "vectorizer.token-pattern='" + pattern + "'");
            Path folder = Files.createTempDirectory(dir, "model");
            ModelFiles.save(m, folder);
            JsonNode onnx = new ObjectMapper().readTree(folder.resolve("model.json").toFile()).path("onnx");
            assertTrue(onnx.path("text_model").isNull(), pattern);
            assertTrue(onnx.path("no_text_model").asText().contains(pattern), onnx.toString());
            assertFalse(Files.exists(folder.resolve(OnnxExport.TEXT_FILE)), pattern);
            assertTrue(Files.exists(folder.resolve(OnnxExport.VECTOR_FILE)), pattern);
            ModelFiles.load(folder); // still a whole model folder
        }
        // a pattern without a space in its separators cannot hold n-grams apart from tokens
        assertNotNull(OnnxVectorizer.whyNotExact(model("[{units: 4, activation: relu}]", 2, OutputMode.COUNT,
                List.of("neg", "pos"), "vectorizer.token-pattern='[,;]+'").config().vectorizer()));
        assertNull(OnnxVectorizer.whyNotExact(model("[{units: 4, activation: relu}]", 1, OutputMode.COUNT,
                List.of("neg", "pos"), "vectorizer.token-pattern='[,;]+'").config().vectorizer()));
    }

    @Test
    void aMultiHotVectorGraphReadsAnyNonZeroAsOne() throws Exception {
        TrainedModel m = model("[{units: 4, activation: relu}]", 1, OutputMode.MULTI_HOT, List.of("neg", "pos"));
        ModelFiles.save(m, dir);
        List<float[]> ones = denseRows(m, TEXTS);
        List<float[]> counts = new ArrayList<>();
        for (float[] row : ones) {
            float[] c = row.clone();
            for (int k = 0; k < c.length; k++) {
                c[k] *= 1 + k; // 0 stays 0, 1 becomes a count
            }
            counts.add(c);
        }
        try (OnnxRuntime vector = new OnnxRuntime(dir.resolve(OnnxExport.VECTOR_FILE))) {
            List<float[]> a = vector.predictRows(ones, m.spec().inputSize());
            List<float[]> b = vector.predictRows(counts, m.spec().inputSize());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i), b.get(i), 0f);
            }
        }
    }

    @Test
    void theGraphsSayWhatTheyAreInTheirMetadataAndTheModelJsonListsThem() throws Exception {
        TrainedModel m = model("[{units: 4, activation: relu}]", 1, OutputMode.MULTI_HOT, List.of("neg", "pos"));
        ModelFiles.save(m, dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("model.json").toFile());
        assertEquals(OnnxExport.OPSET, json.path("onnx").path("opset").asInt());
        assertEquals("model.onnx", json.path("onnx").path("model").asText());
        assertEquals("model-text.onnx", json.path("onnx").path("text_model").asText());
        assertTrue(json.path("files").has("model.onnx") && json.path("files").has("model-text.onnx"));
        for (String file : List.of(OnnxExport.VECTOR_FILE, OnnxExport.TEXT_FILE)) {
            ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(dir.resolve(file)));
            Map<String, String> meta = proto.getMetadataPropsList().stream()
                    .collect(Collectors.toMap(e -> e.getKey(), e -> e.getValue()));
            assertEquals("[\"neg\",\"pos\"]", meta.get("labels"));
            assertEquals("binary", meta.get("task"));
            assertEquals(OnnxExport.OPSET, proto.getOpsetImport(0).getVersion());
            assertEquals(OnnxExport.PROBABILITIES, proto.getGraph().getOutput(0).getName());
        }
        try (OnnxRuntime text = new OnnxRuntime(dir.resolve(OnnxExport.TEXT_FILE))) {
            assertEquals("[\"neg\",\"pos\"]", text.session().getMetadata().getCustomMetadata().get("labels"));
        }
    }

    @Test
    void aChangedOnnxFileIsRefusedLikeAnyModelFile() throws Exception {
        ModelFiles.save(model("[{units: 4, activation: relu}]", 1, OutputMode.MULTI_HOT, List.of("neg", "pos")), dir);
        for (String file : List.of(OnnxExport.VECTOR_FILE, OnnxExport.TEXT_FILE)) {
            Path f = dir.resolve(file);
            byte[] original = Files.readAllBytes(f);
            byte[] changed = original.clone();
            changed[changed.length - 1] ^= 1;
            Files.write(f, changed);
            JobException e = assertThrows(JobException.class, () -> ModelFiles.load(dir));
            assertTrue(e.getMessage().contains(file) && e.getMessage().contains("SHA-256"), e.getMessage());
            Files.delete(f);
            e = assertThrows(JobException.class, () -> ModelFiles.load(dir));
            assertTrue(e.getMessage().contains(file) && e.getMessage().contains("missing"), e.getMessage());
            Files.write(f, original);
            ModelFiles.load(dir);
        }
    }
}
