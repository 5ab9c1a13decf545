package textnet.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;
import textnet.cli.Main;
import textnet.config.ConfigLoader;
import textnet.data.CorpusReaders;
import textnet.io.ModelFiles;
import textnet.io.NumpyRecipe;
import textnet.io.TrainedModel;
import textnet.io.VectorInputModel;
import textnet.text.DocVector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * conf/reuters-tfidf.yaml on the real R8 newswires, with bigrams: TF-IDF lifts the wide network to
 * R8's anchors; {@code evaluate} (predict's vectorizing path) reproduces the run's test metrics; and
 * {@code predict}, the Spark ML transformer over the vectorizer's vectors and the README's NumPy
 * recipe give the same probabilities (to 1e-6) for test newswires.
 */
class TfIdfAgreementTest {

    @TempDir
    static Path dir;
    static Path out;
    static JsonNode metrics;

    @BeforeAll
    static void train() throws Exception {
        SparkTestSupport.spark();
        out = dir.resolve("r8-tfidf");
        int code = Main.run("train", SparkTestSupport.project().resolve("conf/reuters-tfidf.yaml").toString(),
                "--data", SparkTestSupport.corpus("reuters21578.tar.gz").toString(), "--out", out.toString(),
                "--master", "local[2]", "--set", "data.subset=r8", "--set", "vectorizer.ngrams=2");
        assertEquals(0, code);
        metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    }

    @Test
    void tfIdfBigramsReachR8sAnchorsAndEvaluateAgrees() throws Exception {
        double accuracy = metrics.path("test").path("accuracy").asDouble();
        System.err.println("R8 tf-idf bigrams: test accuracy " + accuracy);
        assertTrue(accuracy >= 0.965, "R8 tf-idf test accuracy " + accuracy); // measured 0.9730

        JsonNode model = new ObjectMapper().readTree(out.resolve("model/model.json").toFile());
        assertEquals("tf-idf", model.path("vectorizer").path("output_mode").asText());
        assertEquals("idf.npy", model.path("vectorizer").path("idf").asText());
        assertTrue(model.path("files").has("idf.npy"));

        Path evaluated = dir.resolve("evaluate.json");
        assertEquals(0, Main.run("evaluate", "--model", out.resolve("model").toString(), "--data",
                SparkTestSupport.corpus("reuters21578.tar.gz").toString(), "--output", evaluated.toString(),
                "--master", "local[2]"));
        JsonNode again = new ObjectMapper().readTree(evaluated.toFile());
        assertEquals(accuracy, again.path("accuracy").asDouble(), 0.0);
        assertEquals(metrics.path("test").path("loss").asDouble(), again.path("loss").asDouble(), 1e-12);
    }

    @Test
    void predictTheSparkMlTransformerAndTheNumpyRecipeAgree() throws Exception {
        SparkSession spark = SparkTestSupport.spark();
        TrainedModel model = ModelFiles.load(out.resolve("model"));
        List<String> texts = CorpusReaders.read(spark.sparkContext(), ConfigLoader.load(null, List.of("data.format=reuters21578",
                        "data.subset=r8", "data.path=" + SparkTestSupport.corpus("reuters21578.tar.gz"))).data())
                .test().select("text").limit(300).javaRDD().map(r -> r.getString(0)).collect();
        List<String> classes = model.vectorizer().labels().labels();

        // predict, from a JSON Lines file of the texts
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (String t : texts) {
            lines.append(json.writeValueAsString(Map.of("text", t))).append('\n');
        }
        Path input = Files.writeString(dir.resolve("texts.jsonl"), lines);
        Path predicted = dir.resolve("predicted.jsonl");
        assertEquals(0, Main.run("predict", "--model", out.resolve("model").toString(), "--input", input.toString(),
                "--output", predicted.toString()));
        List<String> rows = Files.readAllLines(predicted);
        assertEquals(texts.size(), rows.size());

        // the Spark ML transformer, over the vectorizer's tf-idf vectors
        List<Row> vectors = new ArrayList<>();
        for (String t : texts) {
            DocVector v = model.vectorizer().vectorOf(t);
            double[] values = new double[v.indices().length];
            for (int k = 0; k < values.length; k++) {
                values[k] = v.values()[k];
            }
            vectors.add(RowFactory.create(Vectors.sparse(model.spec().inputSize(), v.indices(), values)));
        }
        Dataset<Row> frame = spark.createDataFrame(vectors, new StructType().add("features", new VectorUDT()));
        TextNetModel stage = new TextNetModel("tfidf", new VectorInputModel(model.config(), model.spec(),
                model.parameters(), classes.size()));
        List<Row> transformed = stage.transform(frame).select("probability").collectAsList();

        // the README's NumPy recipe (where python3 with NumPy is: CI's machine has it)
        List<double[]> recipe = NumpyRecipe.available() ? NumpyRecipe.predict(out, texts) : null;
        for (int i = 0; i < texts.size(); i++) {
            JsonNode p = json.readTree(rows.get(i)).path("probabilities");
            Vector ml = (Vector) transformed.get(i).get(0);
            for (int c = 0; c < classes.size(); c++) {
                double fromPredict = p.path(classes.get(c)).asDouble();
                assertEquals(fromPredict, ml.apply(c), 1e-6, "text " + i + ", class " + classes.get(c));
                if (recipe != null) {
                    assertEquals(fromPredict, recipe.get(i)[c], 1e-6, "recipe: text " + i + ", class " + classes.get(c));
                }
            }
        }
    }
}
