package textnet.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class ModelFilesTest {

    @TempDir
    Path dir;

    public static TrainedModel tinyModel(List<String> labels) {
        return tinyModel(labels, ColumnValues.multiHot());
    }

    /** {@link #tinyModel(List)} whose vectorizer.output-mode is {@code values}' (tf-idf: its idf). */
    static TrainedModel tinyModel(List<String> labels, ColumnValues values) {
        JobConfig config = ConfigLoader.load(null, List.of("name=tiny", "model.layers=[{units: 3, activation: tanh}]",
                "vectorizer.output-mode=" + values.mode().key()));
        TextVectorizer vectorizer = new TextVectorizer(config.vectorizer(),
                new Vocabulary(List.of("good", "bad", "film", "plot", "it's")), values, new LabelIndex(labels));
        var spec = TrainedModel.specOf(config, vectorizer);
        float[] params = new Network(spec).initialParameters(5);
        for (int i = 0; i < params.length; i++) {
            params[i] += 0.01f * i; // non-zero biases too
        }
        return new TrainedModel(config, vectorizer, spec, params);
    }

    static float[] predict(TrainedModel m) {
        MultiHotBatch batch = new MultiHotBatch(3, new int[]{0, 2, 3, 5}, new int[]{0, 2, 1, 3, 4}, new int[3]);
        return new Network(m.spec()).predict(m.parameters(), batch);
    }

    @Test
    void saveLoadSamePredictions() throws Exception {
        for (List<String> labels : List.of(List.of("neg", "pos"), List.of("a", "b", "c"))) {
            TrainedModel m = tinyModel(labels);
            Path model = dir.resolve("m" + labels.size());
            ModelFiles.save(m, model);
            TrainedModel back = ModelFiles.load(model);
            assertArrayEquals(m.parameters(), back.parameters());
            assertEquals(m.config(), back.config());
            assertEquals(m.vectorizer().vocabulary(), back.vectorizer().vocabulary());
            assertEquals(labels, back.vectorizer().labels().labels());
            assertArrayEquals(predict(m), predict(back), 1e-6f);
            assertEquals(List.of("good", "bad", "film", "plot", "it's"), Files.readAllLines(model.resolve("vocabulary.txt")));
        }
    }

    @Test
    void kernelFilesHoldKerasShapes() throws Exception {
        TrainedModel m = tinyModel(List.of("neg", "pos"));
        ModelFiles.save(m, dir);
        float[] kernel = Npy.read(dir.resolve("layer-0-kernel.npy"), 5, 3);
        // row-major inputs x units: entry (i, j) is the weight from input i to unit j
        assertEquals(m.parameters()[(int) m.spec().weightOffset(0) + 1 * 3 + 2], kernel[1 * 3 + 2]);
        Npy.read(dir.resolve("layer-1-kernel.npy"), 3, 1);
        Npy.read(dir.resolve("layer-1-bias.npy"), 1);
    }

    /**
     * The bytes save writes, pinned: hashes of every file of the tiny models' folders, computed on
     * commit 7537800 (before the layer refactor of issue 13, which let each layer describe its file
     * entries but kept the format), except model.json's, changed since on purpose: its {@code loss}
     * is the config's name ({@code binary-crossentropy}, was {@code binary_crossentropy}), its saved
     * {@code config} has the multi-label keys ({@code data.labels}, {@code model.output.threshold}) and
     * {@code vectorizer.ngrams}, which its {@code vectorizer} section also states, and then
     * {@code vectorizer.output-mode} ({@code "output_mode": "multi-hot"} in the vectorizer section;
     * without those two keys the files hash as before, 28324486e919 and b51a596729ff), and then the
     * ONNX graphs (model.onnx and model-text.onnx, listed in "files" and in an "onnx" entry; before
     * them model.json hashed 2e109620edb6 and fcf026e3acc1). Existing model folders keep loading
     * (StoredModelTest); a change here is a change of the format's bytes.
     */
    @Test
    void savedFilesArePinned() throws Exception {
        for (List<String> labels : List.of(List.of("neg", "pos"), List.of("a", "b", "c"))) {
            Path model = dir.resolve("pinned" + labels.size());
            ModelFiles.save(tinyModel(labels), model);
            StringBuilder hashes = new StringBuilder();
            try (var files = Files.list(model)) {
                for (Path f : files.sorted().toList()) {
                    hashes.append(f.getFileName()).append('=').append(ModelFiles.sha256(f), 0, 12).append(' ');
                }
            }
            String binary = "layer-0-bias.npy=10d8cff422bc layer-0-kernel.npy=9eede7e2a966 layer-1-bias.npy=e1e5d5e898f7"
                    + " layer-1-kernel.npy=024dd7c8cc22 model-text.onnx=5dbc1a343b7d model.json=265e35229e20"
                    + " model.onnx=dd8681e857c6 vocabulary.txt=68ea414412ab";
            String threeClasses = "layer-0-bias.npy=10d8cff422bc layer-0-kernel.npy=9eede7e2a966 layer-1-bias.npy=3e556a0b84e1"
                    + " layer-1-kernel.npy=330abde35295 model-text.onnx=efa613a751e7 model.json=7d831e419dbe"
                    + " model.onnx=ad32ac241f43 vocabulary.txt=68ea414412ab";
            assertEquals(labels.size() == 2 ? binary : threeClasses, hashes.toString().trim());
        }
    }

    /** Five columns' idf, as tf-idf fits them (log(1 + N / (1 + df)), here N = 9 and df 0, 1, 3, 8, 2). */
    static final float[] IDF = {(float) Math.log(10), (float) Math.log(5.5), (float) Math.log(3.25),
            (float) Math.log(2), (float) Math.log(4)};
    private static final List<String> TEXTS = List.of("good good film", "bad plot plot plot it's", "film", "nothing");

    /** Each text's vector by the model's vectorizer, and the network's outputs for them. */
    private static float[] predictTexts(TrainedModel m) {
        List<DocVector> rows = TEXTS.stream().map(t -> m.vectorizer().vectorOf(t)).toList();
        return new Network(m.spec()).predict(m.parameters(), MultiHotBatch.unlabelled(rows));
    }

    /**
     * tf-idf: idf.npy (float32, one per column) listed in model.json with its SHA-256, the vectorizer
     * section naming the mode and the file; loading gives the same idf, vectors and predictions.
     */
    @Test
    void tfIdfModelRoundTripsItsIdf() throws Exception {
        TrainedModel m = tinyModel(List.of("neg", "pos"), ColumnValues.tfIdf(IDF));
        ModelFiles.save(m, dir);
        assertTrue(Files.isRegularFile(dir.resolve("idf.npy")));
        assertArrayEquals(IDF, Npy.read(dir.resolve("idf.npy"), 5), "float32, shape (5,)");
        var json = new ObjectMapper().readTree(dir.resolve("model.json").toFile());
        assertEquals(ModelFiles.sha256(dir.resolve("idf.npy")), json.path("files").path("idf.npy").asText());
        assertEquals("tf-idf", json.path("vectorizer").path("output_mode").asText());
        assertEquals("idf.npy", json.path("vectorizer").path("idf").asText());
        assertEquals("tf-idf", json.path("config").path("vectorizer").path("output-mode").asText());

        TrainedModel back = ModelFiles.load(dir);
        assertEquals(OutputMode.TF_IDF, back.vectorizer().values().mode());
        assertEquals(OutputMode.TF_IDF, back.config().vectorizer().mode());
        assertArrayEquals(IDF, back.vectorizer().values().idf());
        assertArrayEquals(m.parameters(), back.parameters());
        DocVector plot = back.vectorizer().vectorOf("bad plot plot plot it's");
        assertArrayEquals(new int[]{1, 3, 4}, plot.indices());
        assertArrayEquals(new float[]{IDF[1], 3 * IDF[3], IDF[4]}, plot.values());
        assertArrayEquals(predictTexts(m), predictTexts(back), 1e-6f);
        // the values reach the network: the same columns as ones predict otherwise
        float[] ones = new Network(back.spec()).predict(back.parameters(), MultiHotBatch.unlabelled(
                List.of(DocVector.ones(plot.indices()))));
        assertNotEquals(ones[0], predictTexts(back)[1]);
    }

    /** A count model needs nothing fitted: no idf.npy, no "idf" key; it loads as count. */
    @Test
    void countModelHasNoIdf() throws Exception {
        TrainedModel m = tinyModel(List.of("a", "b", "c"), ColumnValues.counts());
        ModelFiles.save(m, dir);
        assertFalse(Files.exists(dir.resolve("idf.npy")));
        var json = new ObjectMapper().readTree(dir.resolve("model.json").toFile());
        assertEquals("count", json.path("vectorizer").path("output_mode").asText());
        assertFalse(json.path("vectorizer").has("idf"));
        assertFalse(json.path("files").has("idf.npy"));
        TrainedModel back = ModelFiles.load(dir);
        assertEquals(OutputMode.COUNT, back.vectorizer().values().mode());
        assertArrayEquals(new float[]{2, 1}, back.vectorizer().vectorOf("good good film").values());
        assertArrayEquals(predictTexts(m), predictTexts(back), 1e-6f);

        ModelFiles.save(tinyModel(List.of("a", "b")), dir.resolve("multi-hot"));
        var multiHot = new ObjectMapper().readTree(dir.resolve("multi-hot").resolve("model.json").toFile());
        assertEquals("multi-hot", multiHot.path("vectorizer").path("output_mode").asText());
        assertFalse(Files.exists(dir.resolve("multi-hot").resolve("idf.npy")));
    }

    /**
     * idf.npy is checked as the weights are: changed, missing, not listed in model.json, or of the
     * wrong length even when re-signed, the folder is refused.
     */
    @Test
    void tamperedOrMissingIdfIsRefused() throws Exception {
        TrainedModel m = tinyModel(List.of("neg", "pos"), ColumnValues.tfIdf(IDF));
        Path model = dir.resolve("m");
        ModelFiles.save(m, model);
        Path idf = model.resolve("idf.npy");
        byte[] bytes = Files.readAllBytes(idf);
        bytes[bytes.length - 1] ^= 1;
        Files.write(idf, bytes);
        String tampered = refused(model).getMessage();
        assertTrue(tampered.contains("model file " + idf + " does not match its SHA-256"), tampered);

        ModelFiles.save(m, model);
        Files.delete(idf);
        assertTrue(refused(model).getMessage().contains("model file " + idf + " is missing"));

        ModelFiles.save(m, model);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(model.resolve("model.json").toFile());
        ((ObjectNode) tree.path("files")).remove("idf.npy");
        json.writeValue(model.resolve("model.json").toFile(), tree);
        String unlisted = refused(model).getMessage();
        assertTrue(unlisted.contains("has no checksum for idf.npy"), unlisted);

        ModelFiles.save(m, model);
        Npy.write(idf, new float[]{1, 2, 3, 4}, 4); // one column short, re-signed
        tree = (ObjectNode) json.readTree(model.resolve("model.json").toFile());
        ((ObjectNode) tree.path("files")).put("idf.npy", ModelFiles.sha256(idf));
        json.writeValue(model.resolve("model.json").toFile(), tree);
        String shape = refused(model).getMessage();
        assertTrue(shape.contains("idf.npy") && shape.contains("shape [4], expected [5]"), shape);
    }

    private JobException refused(Path model) {
        JobException e = assertThrows(JobException.class, () -> ModelFiles.load(model));
        assertEquals(JobException.Kind.INPUT, e.kind());
        return e;
    }

    @Test
    void tamperedMissingOrForeignFilesAreRefused() throws Exception {
        TrainedModel m = tinyModel(List.of("neg", "pos"));
        Path model = dir.resolve("m");
        ModelFiles.save(m, model);
        byte[] kernel = Files.readAllBytes(model.resolve("layer-0-kernel.npy"));
        kernel[kernel.length - 1] ^= 1;
        Files.write(model.resolve("layer-0-kernel.npy"), kernel);
        assertTrue(refused(model).getMessage().contains("SHA-256"));

        ModelFiles.save(m, model);
        Files.delete(model.resolve("vocabulary.txt"));
        assertTrue(refused(model).getMessage().contains("vocabulary.txt"));

        ModelFiles.save(m, model);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(model.resolve("model.json").toFile());
        tree.put("format_version", 99);
        json.writeValue(model.resolve("model.json").toFile(), tree);
        assertTrue(refused(model).getMessage().contains("format_version 99"));

        Files.writeString(model.resolve("model.json"), "{ not json");
        assertTrue(refused(model).getMessage().contains("not valid JSON"));

        assertTrue(refused(dir.resolve("nothing-here")).getMessage().contains("no model.json"));
    }
}
