package textnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.io.ModelFiles;
import textnet.io.OnnxExport;
import textnet.io.OnnxRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code textnet export}: model folders saved before textnet wrote ONNX (the stored format-1 folders
 * of {@code StoredModelTest}) get both graphs, listed in their model.json, and the text graph
 * reproduces what that old version's {@code predict} wrote; {@code --output} writes one graph; what
 * is not textnet's is never replaced.
 */
class ExportCommandTest {

    @TempDir
    Path dir;

    private Path storedCopy(String name) throws Exception {
        Path from = Path.of(ExportCommandTest.class.getResource("/models/format-1-cli/" + name).toURI());
        Path to = dir.resolve(name);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static Path stored(String name) throws Exception {
        return Path.of(ExportCommandTest.class.getResource("/models/format-1-cli/" + name).toURI());
    }

    @Test
    void anOldModelFolderGetsBothGraphsAndTheTextGraphReproducesItsPredictions() throws Exception {
        for (String kind : List.of("reviews", "news")) {
            Path model = storedCopy(kind + "-model");
            CliRunner.Outcome run = CliRunner.run("export", "--model", model.toString(), "--format", "onnx");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.err().contains("wrote " + model.resolve("model-text.onnx")), run.toString());

            JsonNode json = new ObjectMapper().readTree(model.resolve("model.json").toFile());
            assertTrue(json.path("files").has("model.onnx") && json.path("files").has("model-text.onnx"), json.toString());
            assertEquals("model-text.onnx", json.path("onnx").path("text_model").asText());
            ModelFiles.load(model); // still a whole, verified model folder

            List<String> texts = new ArrayList<>();
            for (String line : Files.readAllLines(stored(kind + "-test.tsv"))) {
                texts.add(line.substring(line.indexOf('\t') + 1));
            }
            List<String> expected = Files.readAllLines(stored(kind + "-expected.csv"));
            try (OnnxRuntime onnx = new OnnxRuntime(model.resolve(OnnxExport.TEXT_FILE))) {
                List<float[]> p = onnx.predictTexts(texts);
                for (int i = 0; i < texts.size(); i++) {
                    String[] cells = expected.get(i + 1).split(",");
                    for (int c = 0; c < p.get(i).length; c++) {
                        assertEquals(Double.parseDouble(cells[2 + c]), p.get(i)[c], 1e-6, kind + " document " + i);
                    }
                }
            }

            byte[] first = Files.readAllBytes(model.resolve(OnnxExport.VECTOR_FILE));
            run = CliRunner.run("export", "--model", model.toString());
            assertEquals(0, run.exitCode(), "exporting again rewrites textnet's own files: " + run);
            assertArrayEquals(first, Files.readAllBytes(model.resolve(OnnxExport.VECTOR_FILE)));
        }
    }

    @Test
    void aFileTextnetDidNotWriteIsNeverReplaced() throws Exception {
        Path model = storedCopy("reviews-model");
        Path theirs = Files.writeString(model.resolve("model.onnx"), "someone else's graph");
        byte[] json = Files.readAllBytes(model.resolve("model.json"));
        CliRunner.Outcome run = CliRunner.run("export", "--model", model.toString());
        assertEquals(4, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("textnet: error: ") && run.err().contains("model.onnx exists and is not one"),
                run.toString());
        assertEquals("someone else's graph", Files.readString(theirs));
        assertArrayEquals(json, Files.readAllBytes(model.resolve("model.json")));
        assertFalse(Files.exists(model.resolve("model-text.onnx")));
    }

    @Test
    void outputWritesOneGraphAndReplacesAFileOnlyWithOverwrite() throws Exception {
        Path model = storedCopy("news-model");
        Path vector = dir.resolve("served/news.onnx");
        CliRunner.Outcome run = CliRunner.run("export", "--model", model.toString(), "--output", vector.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertArrayEquals(ModelFiles.onnxGraphs(model).vector(), Files.readAllBytes(vector));
        assertFalse(Files.exists(model.resolve("model.onnx")), "--output leaves the model folder as it was");

        run = CliRunner.run("export", "--model", model.toString(), "--output", vector.toString(), "--graph", "text");
        assertEquals(4, run.exitCode(), run.toString());
        assertTrue(run.err().contains("exists; pass --overwrite"), run.toString());
        assertArrayEquals(ModelFiles.onnxGraphs(model).vector(), Files.readAllBytes(vector));

        run = CliRunner.run("export", "--model", model.toString(), "--output", vector.toString(), "--graph", "text",
                "--overwrite");
        assertEquals(0, run.exitCode(), run.toString());
        assertArrayEquals(ModelFiles.onnxGraphs(model).text(), Files.readAllBytes(vector));

        run = CliRunner.run("export", "--model", model.toString(), "--output", model.resolve("x.onnx").toString());
        assertEquals(4, run.exitCode(), "never into the model it reads: " + run);
    }

    @Test
    void badArgumentsAndChangedModelsAreRefusedWithTheirExitCodes() throws Exception {
        Path model = storedCopy("reviews-model");
        CliRunner.Outcome run = CliRunner.run("export", "--model", model.toString(), "--format", "pmml");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--format pmml"), run.toString());

        run = CliRunner.run("export", "--model", dir.resolve("nowhere").toString());
        assertEquals(3, run.exitCode(), run.toString());

        Path kernel = model.resolve("layer-0-kernel.npy");
        byte[] bytes = Files.readAllBytes(kernel);
        bytes[bytes.length - 1] ^= 1;
        Files.write(kernel, bytes);
        run = CliRunner.run("export", "--model", model.toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("SHA-256"), run.toString());
        assertFalse(Files.exists(model.resolve("model.onnx")));
    }
}
