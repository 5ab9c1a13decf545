package textnet.ml;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
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
import textnet.config.OutputMode;
import textnet.text.DocVector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code binary}: true (the default) reads any non-zero entry of a feature vector as a one, false
 * reads the entries as they are (a CountVectorizer's counts, an IDF stage's tf-idf; the job's
 * vectorizer.output-mode count), in training and in the model's transform, and a saved model or
 * classifier keeps it.
 */
class TextNetBinaryTest {

    private static SparkSession spark;
    private static Dataset<Row> train;
    private static Dataset<Row> test;
    /** Trained on counts: with binary false, and (same seed, same data) with binary true. */
    private static PipelineModel counts;
    private static PipelineModel ones;

    @TempDir
    Path dir;

    /** The user's tokenizer and a CountVectorizer that keeps counts, then textnet. */
    static Pipeline countPipeline(TextNetClassifier classifier) {
        RegexTokenizer tokenizer = new RegexTokenizer().setInputCol("text").setOutputCol("words").setPattern("\\W+");
        CountVectorizer vectorizer = new CountVectorizer().setInputCol("words").setOutputCol("features").setBinary(false);
        return new Pipeline().setStages(new PipelineStage[]{tokenizer, vectorizer, classifier});
    }

    @BeforeAll
    static void fit() {
        spark = SparkTestSupport.spark();
        train = TopicFixture.documents(spark, 150, 3, 1);
        test = TopicFixture.documents(spark, 60, 3, 2);
        counts = countPipeline(TextNetPipelineTest.smallClassifier().setBinary(false)).fit(train);
        ones = countPipeline(TextNetPipelineTest.smallClassifier()).fit(train);
    }

    private static TextNetModel net(PipelineModel pipeline) {
        return (TextNetModel) pipeline.stages()[2];
    }

    @Test
    void vectorRowsKeepValuesUnlessBinary() {
        Vector v = Vectors.dense(0, 2.5, 0, 1, 3);
        DocVector binary = VectorRows.vectorOf(v, true);
        assertArrayEquals(new int[]{1, 3, 4}, binary.indices());
        assertNull(binary.values(), "ones: the rows carry no values");
        DocVector valued = VectorRows.vectorOf(v, false);
        assertArrayEquals(new int[]{1, 3, 4}, valued.indices());
        assertArrayEquals(new float[]{2.5f, 1f, 3f}, valued.values());
        DocVector sparse = VectorRows.vectorOf(Vectors.sparse(6, new int[]{0, 2, 5}, new double[]{0.25, 0, 4}), false);
        assertArrayEquals(new int[]{0, 5}, sparse.indices(), "explicit zeros dropped");
        assertArrayEquals(new float[]{0.25f, 4f}, sparse.values());
    }

    @Test
    void binaryFalseIsTheJobsCountMode() {
        assertTrue(new TextNetClassifier().getBinary(), "default: CountVectorizer's binary");
        assertTrue(new TextNetClassifier().configOverrides().contains("vectorizer.output-mode=\"multi-hot\""));
        assertTrue(new TextNetClassifier().setBinary(false).configOverrides().contains("vectorizer.output-mode=\"count\""));
        assertEquals(OutputMode.COUNT, net(counts).network().config().vectorizer().mode());
        assertEquals(OutputMode.MULTI_HOT, net(ones).network().config().vectorizer().mode());
    }

    /**
     * Trained on the counts, it learns the topics; the documents repeat words, so the same seed and
     * data reading them as ones train other parameters.
     */
    @Test
    void trainsOnTheCounts() {
        long repeats = counts.transform(train).select("features").collectAsList().stream()
                .filter(r -> Arrays.stream(((Vector) r.getAs(0)).toSparse().values()).anyMatch(x -> x > 1)).count();
        assertTrue(repeats > 10, repeats + " training documents with a repeated word");
        assertFalse(Arrays.equals(net(counts).network().parameters(), net(ones).network().parameters()));
        List<Row> rows = counts.transform(test).select("label", "prediction").collectAsList();
        long correct = rows.stream().filter(r -> r.getDouble(0) == r.getDouble(1)).count();
        assertTrue(correct >= 54, correct + " of 60 right (chance is 1/3)");
    }

    /** The test documents' count vectors, and the same vectors with every entry 1 and with every entry 3. */
    private static Dataset<Row> scaledVectors() {
        List<Row> rows = new ArrayList<>();
        for (Row r : ones.transform(test).select("features").collectAsList()) {
            Vector v = r.getAs(0);
            int[] indices = v.toSparse().indices();
            double[] one = new double[indices.length];
            Arrays.fill(one, 1);
            double[] three = new double[indices.length];
            Arrays.fill(three, 3);
            rows.add(RowFactory.create(v, Vectors.sparse(v.size(), indices, one), Vectors.sparse(v.size(), indices, three)));
        }
        StructType schema = new StructType().add("counts", SQLDataTypes.VectorType())
                .add("ones", SQLDataTypes.VectorType()).add("threes", SQLDataTypes.VectorType());
        return spark.createDataFrame(rows, schema);
    }

    /** Each row's probability vector when the model reads {@code column}. */
    private static List<double[]> probabilities(TextNetModel model, Dataset<Row> data, String column) {
        String before = model.getFeaturesCol();
        try {
            return model.setFeaturesCol(column).transform(data).select(model.getProbabilityCol()).collectAsList()
                    .stream().map(r -> ((Vector) r.getAs(0)).toArray()).toList();
        } finally {
            model.setFeaturesCol(before);
        }
    }

    /**
     * binary false: a vector with 3 at its columns gives other probabilities than the same columns
     * at 1; binary true: the same ones. (A model reads 1 where the count is 1: count vectors and
     * their ones agree only on documents without a repeated word.)
     */
    @Test
    void transformReadsTheValuesUnlessBinary() {
        Dataset<Row> data = scaledVectors();
        List<double[]> countOnes = probabilities(net(counts), data, "ones");
        List<double[]> countThrees = probabilities(net(counts), data, "threes");
        List<double[]> binaryOnes = probabilities(net(ones), data, "ones");
        List<double[]> binaryThrees = probabilities(net(ones), data, "threes");
        List<double[]> binaryCounts = probabilities(net(ones), data, "counts");
        assertEquals(60, countOnes.size());
        for (int i = 0; i < 60; i++) {
            assertArrayEquals(binaryOnes.get(i), binaryThrees.get(i), 0.0, "binary: every non-zero is a one");
            assertArrayEquals(binaryOnes.get(i), binaryCounts.get(i), 0.0);
            double diff = 0;
            for (int c = 0; c < 3; c++) {
                diff = Math.max(diff, Math.abs(countOnes.get(i)[c] - countThrees.get(i)[c]));
            }
            assertTrue(diff > 1e-6, "row " + i + ": counts 3 and 1 give " + Arrays.toString(countThrees.get(i))
                    + " and " + Arrays.toString(countOnes.get(i)));
        }
    }

    /** A saved count model reads values after loading; a saved unfitted classifier keeps binary. */
    @Test
    void savedAndLoadedKeepBinary() throws Exception {
        String path = dir.resolve("counts").toString();
        counts.write().save(path);
        TextNetModel back = net(PipelineModel.load(path));
        assertEquals(OutputMode.COUNT, back.network().config().vectorizer().mode());
        Dataset<Row> data = scaledVectors();
        List<double[]> before = probabilities(net(counts), data, "threes");
        List<double[]> after = probabilities(back, data, "threes");
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), 1e-6);
        }
        assertFalse(Arrays.equals(after.get(0), probabilities(back, data, "ones").get(0)));

        String unfitted = dir.resolve("unfitted").toString();
        countPipeline(new TextNetClassifier().setBinary(false)).write().save(unfitted);
        assertFalse(((TextNetClassifier) Pipeline.load(unfitted).getStages()[2]).getBinary());
        String defaulted = dir.resolve("defaulted").toString();
        countPipeline(new TextNetClassifier()).write().save(defaulted);
        assertTrue(((TextNetClassifier) Pipeline.load(defaulted).getStages()[2]).getBinary());
    }
}
