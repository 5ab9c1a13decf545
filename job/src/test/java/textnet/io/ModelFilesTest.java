package textnet.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.nn.Network;
import textnet.text.LabelIndex;
import textnet.text.MultiHotBatch;
import textnet.text.TextVectorizer;
import textnet.text.Vocabulary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class ModelFilesTest {

    @TempDir
    Path dir;

    public static TrainedModel tinyModel(List<String> labels) {
        JobConfig config = ConfigLoader.load(null, List.of("name=tiny", "model.layers=[{units: 3, activation: tanh}]"));
        TextVectorizer vectorizer = new TextVectorizer(config.vectorizer(),
                new Vocabulary(List.of("good", "bad", "film", "plot", "it's")), new LabelIndex(labels));
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
     * {@code vectorizer.ngrams}, which its {@code vectorizer} section also states. Existing
     * model folders keep loading (StoredModelTest); a change here is a change of the format's bytes.
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
                    + " layer-1-kernel.npy=024dd7c8cc22 model.json=28324486e919 vocabulary.txt=68ea414412ab";
            String threeClasses = "layer-0-bias.npy=10d8cff422bc layer-0-kernel.npy=9eede7e2a966 layer-1-bias.npy=3e556a0b84e1"
                    + " layer-1-kernel.npy=330abde35295 model.json=b51a596729ff vocabulary.txt=68ea414412ab";
            assertEquals(labels.size() == 2 ? binary : threeClasses, hashes.toString().trim());
        }
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
