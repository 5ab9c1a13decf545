package textnet.io;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import textnet.nn.MultiHotBatch;
import textnet.nn.Network;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Model folders written by an earlier textnet, kept as they were (Tribuo's stored-model test): every
 * later version must load them and predict what that version predicted. {@code model-format-1/} holds
 * two format-1 folders written by commit 13baf5e ({@code scripts/textnet train} on the small TSV
 * fixtures beside them: a binary relu network and a 3-class tanh one), with that version's
 * {@code predict --output X.csv} of their test files. The CSV has 6 decimals, hence the tolerance.
 */
class StoredModelTest {

    private static final double CSV_ROUNDING = 1e-6;

    @Test
    void binaryFormatOneModelPredictsAsWhenItWasWritten() throws Exception {
        check("reviews");
    }

    @Test
    void multiclassFormatOneModelPredictsAsWhenItWasWritten() throws Exception {
        check("news");
    }

    private static void check(String name) throws Exception {
        Path dir = fixtures();
        TrainedModel model = ModelFiles.load(dir.resolve(name + "-model"));
        List<String> lines = Files.readAllLines(dir.resolve(name + "-test.tsv"), StandardCharsets.UTF_8);
        List<int[]> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(model.vectorizer().indicesOf(line.substring(line.indexOf('\t') + 1)));
        }
        float[] outputs = new Network(model.spec(), DataType.FLOAT).predict(model.parameters(), MultiHotBatch.unlabelled(rows));
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

    private static Path fixtures() throws URISyntaxException {
        return Path.of(StoredModelTest.class.getResource("/textnet/model-format-1").toURI());
    }
}
