package textnet.io;

import org.junit.jupiter.api.Test;
import textnet.nn.Network;
import textnet.text.DocVector;
import textnet.text.MultiHotBatch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Model folders written by earlier versions, kept as they were (Tribuo's stored-model test): every
 * later version must load them and predict what that version predicted.
 * <ul>
 *   <li>{@code models/tiny-*-v1}: format 1, saved by commit 7537800 from {@link ModelFilesTest#tinyModel};
 *   the expected outputs, computed by that version, must come back bit for bit.</li>
 *   <li>{@code models/format-1-cli}: format 1, written by commit 13baf5e's {@code scripts/textnet train}
 *   on the small TSV fixtures beside them (a binary relu network, a 3-class tanh one), with that
 *   version's {@code predict --output X.csv} of their test files (6 decimals, hence the tolerance).</li>
 * </ul>
 */
class StoredModelTest {

    private static final double CSV_ROUNDING = 1e-6;

    @Test
    void binaryModelPredictsAsWhenItWasSaved() throws Exception {
        TrainedModel m = ModelFiles.load(resource("tiny-2-classes-v1"));
        assertEquals(List.of("neg", "pos"), m.vectorizer().labels().labels());
        assertArrayEquals(new float[]{0.8390079f, 0.32945994f, 0.8212816f}, ModelFilesTest.predict(m));
    }

    @Test
    void threeClassModelPredictsAsWhenItWasSaved() throws Exception {
        TrainedModel m = ModelFiles.load(resource("tiny-3-classes-v1"));
        assertEquals(List.of("a", "b", "c"), m.vectorizer().labels().labels());
        assertArrayEquals(new float[]{0.2762885f, 0.57285297f, 0.15085854f, 0.28476137f, 0.25445634f, 0.4607823f,
                0.5443251f, 0.22919782f, 0.22647709f}, ModelFilesTest.predict(m));
    }

    @Test
    void binaryModelTrainedByTheCliPredictsAsItsPredictDid() throws Exception {
        checkAgainstPredictCsv("reviews");
    }

    @Test
    void multiclassModelTrainedByTheCliPredictsAsItsPredictDid() throws Exception {
        checkAgainstPredictCsv("news");
    }

    private static void checkAgainstPredictCsv(String name) throws Exception {
        Path dir = resource("format-1-cli");
        TrainedModel model = ModelFiles.load(dir.resolve(name + "-model"));
        List<String> lines = Files.readAllLines(dir.resolve(name + "-test.tsv"), StandardCharsets.UTF_8);
        List<DocVector> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(model.vectorizer().vectorOf(line.substring(line.indexOf('\t') + 1)));
        }
        float[] outputs = new Network(model.spec()).predict(model.parameters(), MultiHotBatch.unlabelled(rows));
        List<String> expected = Files.readAllLines(dir.resolve(name + "-expected.csv"), StandardCharsets.UTF_8);
        List<String> classes = model.vectorizer().labels().labels();
        assertEquals("id,label," + String.join(",", classes.stream().map(c -> "p_" + c).toList()), expected.get(0));
        assertEquals(lines.size(), expected.size() - 1);
        int units = model.spec().outputUnits();
        for (int r = 0; r < lines.size(); r++) {
            String[] cells = expected.get(r + 1).split(",");
            assertEquals(String.valueOf(r), cells[0]);
            for (int c = 0; c < classes.size(); c++) {
                double p = units == 1 ? (c == 1 ? outputs[r] : 1 - outputs[r]) : outputs[r * units + c];
                assertEquals(Double.parseDouble(cells[2 + c]), p, CSV_ROUNDING, name + " row " + r + " class " + classes.get(c));
            }
        }
    }

    private static Path resource(String name) throws Exception {
        return Path.of(StoredModelTest.class.getResource("/models/" + name).toURI());
    }
}
