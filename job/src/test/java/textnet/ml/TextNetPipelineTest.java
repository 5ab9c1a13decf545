package textnet.ml;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's pipeline: the user's tokenizer and CountVectorizer, then textnet; fit, transform, save, load. */
class TextNetPipelineTest {

    private static SparkSession spark;
    private static Dataset<Row> train;
    private static Dataset<Row> test;
    private static PipelineModel fitted;

    @TempDir
    Path dir;

    static Pipeline pipeline(TextNetClassifier classifier) {
        RegexTokenizer tokenizer = new RegexTokenizer().setInputCol("text").setOutputCol("words").setPattern("\\W+");
        CountVectorizer vectorizer = new CountVectorizer().setInputCol("words").setOutputCol("features").setBinary(true);
        return new Pipeline().setStages(new PipelineStage[]{tokenizer, vectorizer, classifier});
    }

    static TextNetClassifier smallClassifier() {
        // the data are tiny: small batches and a larger step than Keras's default learn it in a few epochs
        return new TextNetClassifier().setLayers(8).setEpochs(12).setBatchSize(8).setLearningRate(0.01);
    }

    @BeforeAll
    static void fit() {
        spark = SparkTestSupport.spark();
        train = TopicFixture.documents(spark, 150, 3, 1);
        test = TopicFixture.documents(spark, 60, 3, 2);
        fitted = pipeline(smallClassifier()).fit(train);
    }

    @Test
    void fittedPipelinePredictsHeldOutTopicsWellAboveChance() {
        List<Row> rows = fitted.transform(test).select("label", "prediction", "probability").collectAsList();
        assertEquals(60, rows.size());
        long correct = rows.stream().filter(r -> r.getDouble(0) == r.getDouble(1)).count();
        double accuracy = correct / 60.0;
        assertTrue(accuracy >= 0.9, "held-out accuracy " + accuracy + " (chance is 1/3)");
        for (Row r : rows) {
            Vector p = r.getAs(2);
            assertEquals(3, p.size());
            assertEquals(1.0, p.toArray()[0] + p.toArray()[1] + p.toArray()[2], 1e-5);
            assertEquals(p.argmax(), (int) r.getDouble(1), "prediction is the most probable class");
        }
    }

    @Test
    void outputKeepsTheInputColumnsAndAddsTwo() {
        Dataset<Row> out = fitted.transform(test);
        assertEquals(List.of("text", "label", "words", "features", "prediction", "probability"),
                List.of(out.schema().fieldNames()));
        assertEquals(test.select("text").collectAsList(), out.select("text").collectAsList());
    }

    @Test
    void savedAndLoadedPipelineGivesTheSamePredictions() throws Exception {
        String path = dir.resolve("pipeline").toString();
        fitted.write().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        assertTrue(loaded.stages()[2] instanceof TextNetModel);

        List<Row> before = fitted.transform(test).select("prediction", "probability").collectAsList();
        List<Row> after = loaded.transform(test).select("prediction", "probability").collectAsList();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).getDouble(0), after.get(i).getDouble(0));
            assertArrayEquals(((Vector) before.get(i).getAs(1)).toArray(), ((Vector) after.get(i).getAs(1)).toArray(), 1e-6);
        }
    }

    @Test
    void twoClassesGiveTwoProbabilitiesFromTheSigmoidOutput() {
        Dataset<Row> binaryTrain = TopicFixture.documents(spark, 100, 2, 3);
        Dataset<Row> binaryTest = TopicFixture.documents(spark, 40, 2, 4);
        PipelineModel model = pipeline(smallClassifier()).fit(binaryTrain);
        TextNetModel net = (TextNetModel) model.stages()[2];
        assertEquals(2, net.numClasses());
        assertEquals(1, net.network().spec().outputUnits(), "Keras's binary output: one sigmoid unit");
        List<Row> rows = model.transform(binaryTest).select("label", "prediction", "probability").collectAsList();
        long correct = rows.stream().filter(r -> r.getDouble(0) == r.getDouble(1)).count();
        assertTrue(correct >= 36, correct + " of 40 right");
        for (Row r : rows) {
            double[] p = ((Vector) r.getAs(2)).toArray();
            assertEquals(2, p.length);
            assertEquals(1.0, p[0] + p[1], 1e-6);
        }
    }
}
