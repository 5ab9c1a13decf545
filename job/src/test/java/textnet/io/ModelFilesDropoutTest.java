package textnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.nn.Network;
import textnet.text.LabelIndex;
import textnet.text.DocVector;
import textnet.text.MultiHotBatch;
import textnet.text.TextVectorizer;
import textnet.text.Vocabulary;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model folder with dropout layers and kernel regularizers: model.json lists the dropout layer
 * ({@code {"type": "dropout", "rate": ...}}, no files) and the regularizer; it saves, loads and predicts
 * the same; and the README's NumPy recipe (run as written, when python3 with NumPy is here) predicts
 * what the network's inference path predicts.
 */
class ModelFilesDropoutTest {
    private static final List<String> TEXTS = List.of("good film", "bad plot it's bad", "film plot good it's", "nothing known");

    @TempDir
    Path dir;

    static TrainedModel model() {
        return model(1);
    }

    /** With {@code ngrams} above 1 the vocabulary has n-grams too, some of them in TEXTS. */
    static TrainedModel model(int ngrams) {
        JobConfig config = ConfigLoader.load(null, List.of("name=tiny", "model.layers=[{units: 4, activation: relu,"
                + " kernel-regularizer: {l2: 0.01}}, {dropout: 0.5}, {units: 3, activation: tanh, kernel-regularizer: {l1: 0.001}},"
                + " {dropout: 0.25}]", "vectorizer.ngrams=" + ngrams));
        List<String> tokens = ngrams == 1 ? List.of("good", "bad", "film", "plot", "it's")
                : List.of("good", "bad", "film", "plot", "it's", "good film", "it's bad", "plot it's bad", "film plot good");
        TextVectorizer vectorizer = new TextVectorizer(config.vectorizer(), new Vocabulary(tokens),
                new LabelIndex(List.of("neg", "pos")));
        var spec = TrainedModel.specOf(config, vectorizer);
        float[] params = new Network(spec).initialParameters(5);
        for (int i = 0; i < params.length; i++) {
            params[i] += 0.01f * i; // non-zero biases too
        }
        return new TrainedModel(config, vectorizer, spec, params);
    }

    static float[] predict(TrainedModel m) {
        List<DocVector> rows = new ArrayList<>();
        for (String text : TEXTS) {
            rows.add(m.vectorizer().vectorOf(text));
        }
        return new Network(m.spec()).predict(m.parameters(), MultiHotBatch.unlabelled(rows));
    }

    @Test
    void savesLoadsAndPredictsTheSame() throws Exception {
        TrainedModel m = model();
        Path folder = dir.resolve("model");
        ModelFiles.save(m, folder);
        TrainedModel back = ModelFiles.load(folder);
        assertEquals(m.config(), back.config());
        assertEquals(m.spec(), back.spec());
        assertArrayEquals(m.parameters(), back.parameters());
        assertArrayEquals(predict(m), predict(back));

        JsonNode layers = new ObjectMapper().readTree(folder.resolve("model.json").toFile()).path("layers");
        assertEquals(5, layers.size());
        assertEquals("{\"type\":\"dropout\",\"rate\":0.5}", layers.get(1).toString());
        assertEquals(0.01, layers.get(0).path("kernel_regularizer").path("l2").asDouble());
        assertEquals("layer-2-kernel.npy", layers.get(2).path("kernel").asText());
        assertFalse(Files.exists(folder.resolve("layer-1-kernel.npy")));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "ngrams {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3})
    void theReadmeNumpyRecipePredictsAsTheNetwork(int ngrams) throws Exception {
        Assumptions.assumeTrue(python("import numpy") == 0, "python3 with NumPy");
        TrainedModel m = model(ngrams);
        ModelFiles.save(m, dir.resolve("model"));
        String readme = Files.readString(SparkTestSupport.project().resolve("README.md"));
        int from = readme.indexOf("```python\nimport json, re, numpy as np");
        String recipe = readme.substring(readme.indexOf('\n', from) + 1, readme.indexOf("```", from + 3));
        StringBuilder script = new StringBuilder(recipe).append("\nfor t in ").append(new ObjectMapper().writeValueAsString(TEXTS))
                .append(":\n    print(repr(float(predict(t)[0])))\n");
        Files.writeString(dir.resolve("recipe.py"), script);
        Process p = new ProcessBuilder("python3", "recipe.py").directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.strip().split("\n");
        float[] expected = predict(m);
        assertEquals(TEXTS.size(), lines.length, out);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(expected[i], Double.parseDouble(lines[i]), 1e-6, TEXTS.get(i));
        }
    }

    private static int python(String code) {
        try {
            Process p = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
