package textnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.config.OutputMode;
import textnet.nn.Network;
import textnet.text.ColumnValues;
import textnet.text.LabelIndex;
import textnet.text.DocVector;
import textnet.text.MultiHotBatch;
import textnet.text.TextVectorizer;
import textnet.text.Vocabulary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A model folder with dropout layers and kernel regularizers: model.json lists the dropout layer
 * ({@code {"type": "dropout", "rate": ...}}, no files) and the regularizer; it saves, loads and predicts
 * the same; and the README's NumPy recipe (run as written, when python3 with NumPy is here) predicts
 * what the network's inference path predicts.
 */
class ModelFilesDropoutTest {
    private static final List<String> TEXTS = List.of("good film", "bad plot it's bad", "film plot good it's",
            "nothing known", "good good film film good plot it's bad bad");

    @TempDir
    Path dir;

    static TrainedModel model() {
        return model(1, OutputMode.MULTI_HOT);
    }

    /**
     * With {@code ngrams} above 1 the vocabulary has n-grams too, some of them in TEXTS; with tf-idf,
     * made-up inverse document frequencies.
     */
    static TrainedModel model(int ngrams, OutputMode mode) {
        JobConfig config = ConfigLoader.load(null, List.of("name=tiny", "model.layers=[{units: 4, activation: relu,"
                + " kernel-regularizer: {l2: 0.01}}, {dropout: 0.5}, {units: 3, activation: tanh, kernel-regularizer: {l1: 0.001}},"
                + " {dropout: 0.25}]", "vectorizer.ngrams=" + ngrams, "vectorizer.output-mode=" + mode.key()));
        List<String> tokens = ngrams == 1 ? List.of("good", "bad", "film", "plot", "it's")
                : List.of("good", "bad", "film", "plot", "it's", "good film", "it's bad", "plot it's bad", "film plot good");
        float[] idf = new float[tokens.size()];
        for (int c = 0; c < idf.length; c++) {
            idf[c] = (float) Math.log(1 + 10.0 / (2 + c));
        }
        ColumnValues values = switch (mode) {
            case MULTI_HOT -> ColumnValues.multiHot();
            case COUNT -> ColumnValues.counts();
            case TF_IDF -> ColumnValues.tfIdf(idf);
        };
        TextVectorizer vectorizer = new TextVectorizer(config.vectorizer(), new Vocabulary(tokens), values,
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

    @org.junit.jupiter.params.ParameterizedTest(name = "ngrams {0}, {1}")
    @org.junit.jupiter.params.provider.CsvSource({"1, MULTI_HOT", "3, MULTI_HOT", "1, COUNT", "1, TF_IDF", "3, TF_IDF"})
    void theReadmeNumpyRecipePredictsAsTheNetwork(int ngrams, OutputMode mode) throws Exception {
        Assumptions.assumeTrue(NumpyRecipe.available(), "python3 with NumPy");
        TrainedModel m = model(ngrams, mode);
        ModelFiles.save(m, dir.resolve("model"));
        List<double[]> outputs = NumpyRecipe.predict(dir, TEXTS);
        float[] expected = predict(m);
        for (int i = 0; i < TEXTS.size(); i++) {
            assertEquals(expected[i], outputs.get(i)[0], 1e-6, TEXTS.get(i));
        }
    }
}
