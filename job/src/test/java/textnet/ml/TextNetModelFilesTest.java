package textnet.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;
import textnet.SparkTestSupport;
import textnet.io.ModelFiles;
import textnet.io.OnnxExport;
import textnet.io.OnnxRuntime;
import textnet.io.VectorInputModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A saved TextNetModel is textnet's model folder, and loading it applies the folder's checks. */
class TextNetModelFilesTest {

    private static TextNetModel model;
    private static Dataset<Row> scored;

    @TempDir
    Path dir;

    @BeforeAll
    static void fit() {
        Dataset<Row> train = TopicFixture.documents(SparkTestSupport.spark(), 60, 3, 5);
        PipelineModel fitted = TextNetPipelineTest.pipeline(new TextNetClassifier().setLayers(4).setEpochs(2)
                .setBatchSize(16).setPredictionCol("topic").setProbabilityCol("topicProbability")).fit(train);
        model = (TextNetModel) fitted.stages()[2];
        scored = fitted.transform(train);
    }

    private Path saved() throws Exception {
        Path path = dir.resolve("textnet-model");
        model.write().save(path.toString());
        return path;
    }

    @Test
    void modelFolderHoldsModelJsonAndNpyWeightsWithoutVocabulary() throws Exception {
        Path folder = saved().resolve("model");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("layer-0-bias.npy", "layer-0-kernel.npy", "layer-1-bias.npy", "layer-1-kernel.npy",
                    "model.json", "model.onnx"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        JsonNode json = new ObjectMapper().readTree(folder.resolve("model.json").toFile());
        assertEquals(ModelFiles.FORMAT_VERSION, json.path("format_version").asInt());
        assertEquals("vector", json.path("input").asText());
        assertEquals(model.network().spec().inputSize(), json.path("input_size").asInt());
        assertEquals(List.of("0", "1", "2"), List.of(json.path("labels").get(0).asText(),
                json.path("labels").get(1).asText(), json.path("labels").get(2).asText()));
        assertEquals(5, json.path("files").size(), "a SHA-256 for every .npy and model.onnx");
        assertTrue(json.path("onnx").path("text_model").isNull(), "no vectorizer, no text graph");
        assertEquals(2, json.path("config").path("train").path("epochs").asInt(), "the training config travels with it");

        VectorInputModel back = ModelFiles.loadVectorInput(folder);
        assertArrayEquals(model.network().parameters(), back.parameters());
        assertEquals(model.network().spec(), back.spec());
    }

    /** model.onnx over the pipeline's CountVectorizer rows gives the stage's probabilities. */
    @Test
    void theOnnxGraphGivesTheStagesProbabilities() throws Exception {
        Path folder = saved().resolve("model");
        List<Row> rows = scored.select("features", "topicProbability").collectAsList();
        List<float[]> dense = new ArrayList<>();
        for (Row r : rows) {
            double[] v = ((Vector) r.get(0)).toArray();
            float[] f = new float[v.length];
            for (int k = 0; k < v.length; k++) {
                f[k] = (float) v[k];
            }
            dense.add(f);
        }
        try (OnnxRuntime onnx = new OnnxRuntime(folder.resolve(OnnxExport.VECTOR_FILE))) {
            List<float[]> p = onnx.predictRows(dense, model.network().spec().inputSize());
            for (int i = 0; i < rows.size(); i++) {
                double[] expected = ((Vector) rows.get(i).get(1)).toArray();
                for (int c = 0; c < expected.length; c++) {
                    assertEquals(expected[c], p.get(i)[c], 1e-6, "row " + i + ", class " + c);
                }
            }
        }
    }

    @Test
    void loadedModelKeepsItsParams() throws Exception {
        TextNetModel back = TextNetModel.load(saved().toString());
        assertEquals(model.uid(), back.uid());
        assertEquals("topic", back.getPredictionCol());
        assertEquals("topicProbability", back.getProbabilityCol());
        assertEquals(3, back.numClasses());
    }

    @Test
    void tamperedWeightsAreRefused() throws Exception {
        Path path = saved();
        Path kernel = path.resolve("model").resolve("layer-0-kernel.npy");
        byte[] bytes = Files.readAllBytes(kernel);
        bytes[bytes.length - 1] ^= 1;
        Files.write(kernel, bytes);
        JobException e = assertThrows(JobException.class, () -> TextNetModel.load(path.toString()));
        assertEquals(JobException.Kind.INPUT, e.kind());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void missingWeightsAreRefused() throws Exception {
        Path path = saved();
        Files.delete(path.resolve("model").resolve("layer-1-bias.npy"));
        JobException e = assertThrows(JobException.class, () -> TextNetModel.load(path.toString()));
        assertTrue(e.getMessage().contains("layer-1-bias.npy"), e.getMessage());
    }

    @Test
    void textPredictRefusesAVectorModelAndNamesTheWayToLoadIt() throws Exception {
        Path folder = saved().resolve("model");
        JobException e = assertThrows(JobException.class, () -> ModelFiles.load(folder));
        assertTrue(e.getMessage().contains("TextNetModel.load"), e.getMessage());
    }

    @Test
    void aTextModelFolderIsNotReadAsAVectorModel() throws Exception {
        Path folder = saved().resolve("model");
        ObjectMapper mapper = new ObjectMapper();
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(folder.resolve("model.json").toFile());
        json.put("input", "multi-hot");
        mapper.writeValue(folder.resolve("model.json").toFile(), json);
        JobException e = assertThrows(JobException.class, () -> ModelFiles.loadVectorInput(folder));
        assertTrue(e.getMessage().contains("text model"), e.getMessage());
        assertNotNull(e.getMessage());
        assertFalse(Files.exists(folder.resolve("vocabulary.txt")));
    }
}
