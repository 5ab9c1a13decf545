package textnet.ml;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;
import textnet.SparkTestSupport;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Params: the job's defaults, the job's validation messages, and an unfitted pipeline's save and load. */
class TextNetParamsTest {

    private static Dataset<Row> train;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        train = TopicFixture.documents(SparkTestSupport.spark(), 30, 3, 7);
    }

    @Test
    void defaultsAreTheJobsDefaults() {
        TextNetClassifier c = new TextNetClassifier();
        assertArrayEquals(new int[]{16, 16}, c.getLayers());
        assertEquals("relu", c.getActivation());
        assertEquals(4, c.getEpochs());
        assertEquals(512, c.getBatchSize());
        assertEquals(2, c.getPartitions());
        assertEquals(42L, c.getSeed());
        assertEquals("rmsprop", c.getOptimizer());
        assertEquals(0.001, c.getLearningRate());
        assertTrue(c.getBinary(), "CountVectorizer's binary: vectorizer.output-mode multi-hot");
        assertEquals("features", c.getFeaturesCol());
        assertEquals("label", c.getLabelCol());
        assertEquals("prediction", c.getPredictionCol());
        assertEquals("probability", c.getProbabilityCol());
    }

    private static String refusal(UnaryOperator<TextNetClassifier> configure) {
        TextNetClassifier classifier = configure.apply(new TextNetClassifier().setEpochs(1));
        Exception e = assertThrows(Exception.class, () -> TextNetPipelineTest.pipeline(classifier).fit(train));
        JobException job = JobException.find(e);
        assertTrue(job != null, "a JobException, not " + e);
        return job.getMessage();
    }

    @Test
    void badParamsFailWithTheJobsMessageNamingTheConfigKey() {
        assertEquals("config key 'train.epochs' must be at least 1", refusal(c -> c.setEpochs(-1)));
        assertEquals("config key 'train.batch-size' must be at least 1", refusal(c -> c.setBatchSize(0)));
        assertTrue(refusal(c -> c.setOptimizer("adagrad")).startsWith("config key 'train.optimizer.name': 'adagrad'"));
        assertTrue(refusal(c -> c.setActivation("swish")).startsWith("config key 'model.layers.0.activation': 'swish'"));
        assertTrue(refusal(c -> c.setLearningRate(-0.1)).contains("train.optimizer.learning-rate"));
        assertTrue(refusal(c -> c.setLayers(8, 0)).contains("model.layers.1.units"));
    }

    /** train.class-weight through the estimator: class numbers as labels, the job's refusals. */
    @Test
    void classWeightIsTheJobsSettingByClassNumber() {
        TextNetClassifier balanced = new TextNetClassifier().setEpochs(1).setClassWeight("balanced");
        assertTrue(balanced.configOverrides().contains("train.class-weight=balanced"));
        assertTrue(TextNetPipelineTest.pipeline(balanced).fit(train) != null);
        assertFalse(new TextNetClassifier().configOverrides().stream().anyMatch(o -> o.startsWith("train.class-weight")));
        assertTrue(refusal(c -> c.setClassWeight("{9: 2.0}")).contains("train.class-weight"));
        assertTrue(refusal(c -> c.setClassWeight("{1: -2.0}")).contains("train.class-weight.1"));
    }

    /** Dropout and kernel regularizers through the estimator: the job's layers, the job's refusals. */
    @Test
    void dropoutAndRegularizersAreTheJobsLayers() {
        TextNetClassifier c = new TextNetClassifier().setLayers(8, 4).setDropout(0.5).setL2(0.002).setEpochs(1);
        String layers = c.configOverrides().stream().filter(o -> o.startsWith("model.layers=")).findFirst().orElseThrow();
        assertEquals("model.layers=[{\"units\":8,\"activation\":\"relu\",\"kernel-regularizer\":{\"l1\":0.0,\"l2\":0.002}},"
                + "{\"dropout\":0.5},{\"units\":4,\"activation\":\"relu\",\"kernel-regularizer\":{\"l1\":0.0,\"l2\":0.002}},"
                + "{\"dropout\":0.5}]", layers);
        assertTrue(TextNetPipelineTest.pipeline(c).fit(train) != null);
        assertFalse(new TextNetClassifier().configOverrides().stream().anyMatch(o -> o.contains("dropout")
                || o.contains("kernel-regularizer")), "unset: the tutorial's layers");
        assertTrue(refusal(x -> x.setDropout(1.5)).contains("model.layers.1.dropout"), refusal(x -> x.setDropout(1.5)));
        assertTrue(refusal(x -> x.setL2(-1)).contains("model.layers.0.kernel-regularizer.l2"), refusal(x -> x.setL2(-1)));
    }

    @Test
    void badColumnsAreNamed() {
        assertTrue(refusal(c -> c.setLabelCol("text")).contains("column 'text' must hold class numbers"));
        assertTrue(refusal(c -> c.setFeaturesCol("words")).contains("column 'words' must be an ml Vector"));
        assertTrue(refusal(c -> c.setLabelCol("missing")).contains("no column 'missing'"));
    }

    @Test
    void labelsMustBeClassNumbers() {
        Dataset<Row> fractional = train.withColumn("label", train.col("label").plus(0.5));
        TextNetClassifier classifier = new TextNetClassifier().setEpochs(1);
        Exception e = assertThrows(Exception.class, () -> TextNetPipelineTest.pipeline(classifier).fit(fractional));
        assertTrue(JobException.find(e).getMessage().contains("labels are class numbers"), e.toString());
    }

    @Test
    void unfittedPipelineSavesAndLoadsTheClassifiersParams() throws Exception {
        TextNetClassifier classifier = new TextNetClassifier().setLayers(32, 8).setActivation("tanh").setEpochs(9)
                .setOptimizer("adam").setLearningRate(0.005).setSeed(7).setLabelCol("topic").setBinary(false);
        String path = dir.resolve("unfitted").toString();
        TextNetPipelineTest.pipeline(classifier).write().save(path);
        TextNetClassifier back = (TextNetClassifier) Pipeline.load(path).getStages()[2];
        assertEquals(classifier.uid(), back.uid());
        assertArrayEquals(new int[]{32, 8}, back.getLayers());
        assertEquals("tanh", back.getActivation());
        assertEquals(9, back.getEpochs());
        assertEquals("adam", back.getOptimizer());
        assertEquals(0.005, back.getLearningRate());
        assertEquals(7L, back.getSeed());
        assertEquals("topic", back.getLabelCol());
        assertFalse(back.getBinary());
        assertEquals(classifier.configOverrides().subList(1, 9), back.configOverrides().subList(1, 9));
        assertTrue(back.configOverrides().contains("vectorizer.output-mode=\"count\""));
    }
}
