package textnet.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import textnet.SparkTestSupport;
import textnet.nn.Activation;
import textnet.nn.DenseSpec;
import textnet.nn.Loss;
import textnet.nn.Network;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlock;
import textnet.text.MultiHotBlocks;
import textnet.text.MultiHotRow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test split's summary: merged in any order and grouping it gives the same metrics to the last
 * bit, and summarized by Spark over any number of partitions it gives the metrics a plain reference
 * computes from all the rows (MLlib's evaluators, as the metrics were computed before, and the
 * pair-by-pair ROC-AUC).
 */
class TestSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Rows with random outputs and losses of every magnitude, in batches: a plain loss sum would depend on order. */
    private static List<TestSummary> partitionSummaries(int classes, int partitions, Random random) {
        int units = classes == 2 ? 1 : classes;
        List<TestSummary> parts = new ArrayList<>();
        for (int part = 0; part < partitions; part++) {
            TestSummary.Builder builder = new TestSummary.Builder(classes);
            for (int batch = random.nextInt(4); batch >= 0; batch--) {
                int rows = 1 + random.nextInt(300);
                float[] outputs = new float[rows * units];
                int[] labels = new int[rows];
                double[] losses = new double[rows];
                for (int r = 0; r < rows; r++) {
                    for (int k = 0; k < units; k++) {
                        outputs[r * units + k] = random.nextInt(4) == 0 ? 0.5f : random.nextFloat();
                    }
                    labels[r] = random.nextInt(classes);
                    losses[r] = random.nextDouble() * Math.pow(10, random.nextInt(16) - 8);
                }
                builder.add(new Predictions(units, outputs, labels), losses, random.nextInt(rows + 1));
            }
            parts.add(builder.build());
        }
        return parts;
    }

    private static List<String> classNames(int classes) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add("c" + k);
        }
        return names;
    }

    /** Every metric as text: equal text is equal bits (Double.toString is unique per double). */
    private static String metricsJson(TestSummary s, int classes) throws Exception {
        return JSON.writeValueAsString(TestMetrics.of(s, classNames(classes)));
    }

    @Test
    void anyMergeOrderAndGroupingGivesTheSameBits() throws Exception {
        for (int classes : new int[]{2, 5}) {
            Random random = new Random(classes);
            List<TestSummary> parts = partitionSummaries(classes, 9, random);
            String reference = null;
            for (int trial = 0; trial < 100; trial++) {
                List<TestSummary> pending = new ArrayList<>(parts);
                Collections.shuffle(pending, random);
                if (trial % 2 == 0) { // sometimes from the zero value, as treeAggregate's seqOp starts
                    pending.set(0, TestSummary.empty(classes).merge(pending.get(0)));
                }
                while (pending.size() > 1) { // merge random pairs, as task completion would
                    TestSummary a = pending.remove(random.nextInt(pending.size()));
                    TestSummary b = pending.remove(random.nextInt(pending.size()));
                    pending.add(a.merge(b));
                }
                String metrics = metricsJson(pending.get(0), classes);
                if (reference == null) {
                    reference = metrics;
                }
                assertEquals(reference, metrics, classes + " classes, trial " + trial);
            }
        }
    }

    /** A small random network over random multi-hot rows: sigmoid for 2 classes, softmax for more. */
    private static NetworkSpec spec(int classes) {
        int inputs = 60;
        DenseSpec out = classes == 2 ? new DenseSpec(8, 1, Activation.SIGMOID) : new DenseSpec(8, classes, Activation.SOFTMAX);
        return new NetworkSpec(inputs, List.of(new DenseSpec(inputs, 8, Activation.RELU), out),
                classes == 2 ? Loss.BINARY_CROSSENTROPY : Loss.CATEGORICAL_CROSSENTROPY, true);
    }

    /** Rows by id; multiclass labels avoid the last class, which the network still predicts at times. */
    private static List<Tuple2<String, MultiHotRow>> rows(int classes, int n, Random random) {
        List<Tuple2<String, MultiHotRow>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TreeSet<Integer> active = new TreeSet<>();
            for (int a = random.nextInt(12); a >= 0; a--) {
                active.add(random.nextInt(60));
            }
            int label = random.nextInt(classes == 2 ? 2 : classes - 1);
            rows.add(new Tuple2<>("doc-" + i, new MultiHotRow(label, active.stream().mapToInt(Integer::intValue).toArray())));
        }
        return rows;
    }

    @Test
    void sparkSummaryOverAnyPartitioningEqualsAReferenceOverAllRows() throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkTestSupport.spark().sparkContext());
        for (int classes : new int[]{2, 5}) {
            Random random = new Random(100 + classes);
            NetworkSpec spec = spec(classes);
            Network network = new Network(spec);
            float[] parameters = network.initialParameters(classes);
            JavaPairRDD<String, MultiHotRow> rows = sc.parallelizePairs(rows(classes, 3000, random), 3);

            String oneToFive = null;
            for (int partitions : new int[]{1, 2, 5}) {
                // blocks of at most 37 rows: partitions of several blocks give the same bits too
                JavaRDD<MultiHotBlock> blocks = MultiHotBlocks.deal(rows, partitions, partitions == 2 ? 37 : Integer.MAX_VALUE,
                        "test rows");
                String metrics = metricsJson(new Evaluator(spec).summarize(blocks, parameters, classes), classes);
                blocks.unpersist();
                if (oneToFive == null) {
                    oneToFive = metrics;
                }
                assertEquals(oneToFive, metrics, classes + " classes in " + partitions + " partitions");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> distributed = JSON.readValue(oneToFive, Map.class);
            assertMatchesReference(distributed, MultiHotBlocks.deal(rows, 1, Integer.MAX_VALUE, "all rows").collect().get(0),
                    network, parameters, classes, sc);
        }
    }

    /** The same forward pass on the driver over one block of all rows, then plain formulas and MLlib. */
    private static void assertMatchesReference(Map<String, Object> m, MultiHotBlock all, Network network,
                                               float[] parameters, int classes, JavaSparkContext sc) {
        List<float[]> outputs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Tuple2<Object, Object>> predictionAndLabel = new ArrayList<>();
        double[] lossSum = {0};
        Evaluator.scoreInBatches(network, parameters, all, (batch, rowLosses, correct) -> {
            for (int r = 0; r < batch.rows(); r++) {
                float[] o = new float[batch.units()];
                for (int k = 0; k < o.length; k++) {
                    o[k] = batch.probability(r, k);
                }
                outputs.add(o);
                labels.add(batch.labels()[r]);
                predictionAndLabel.add(new Tuple2<>((double) batch.predictedClass(r), (double) batch.labels()[r]));
                lossSum[0] += rowLosses[r];
            }
        });
        int n = labels.size();
        assertEquals(n, ((Number) m.get("rows")).intValue());
        assertEquals(lossSum[0] / n, (Double) m.get("loss"), 1e-12);
        MulticlassMetrics mllib = new MulticlassMetrics(sc.parallelize(predictionAndLabel, 2).rdd());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> perClass = (Map<String, Map<String, Object>>) m.get("per_class");
        double f1Sum = 0;
        for (double label : mllib.labels()) {
            Map<String, Object> c = perClass.get("c" + (int) label);
            assertEquals(mllib.precision(label), (Double) c.get("precision"), 1e-12);
            assertEquals(mllib.recall(label), (Double) c.get("recall"), 1e-12);
            assertEquals(mllib.fMeasure(label), (Double) c.get("f1"), 1e-12);
            f1Sum += mllib.fMeasure(label);
        }
        if (classes == 2) {
            assertEquals(mllib.precision(1.0), (Double) m.get("precision"), 1e-12);
            assertEquals(mllib.recall(1.0), (Double) m.get("recall"), 1e-12);
            assertEquals(mllib.fMeasure(1.0), (Double) m.get("f1"), 1e-12);
            float[] scores = new float[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = outputs.get(i)[0];
                positive[i] = labels.get(i) == 1;
            }
            double exact = AreaUnderCurvesTest.pairCountRocAuc(scores, positive);
            double bound = (Double) m.get("roc_auc_max_error");
            assertTrue(Math.abs((Double) m.get("roc_auc") - exact) <= bound,
                    "binned " + m.get("roc_auc") + ", exact " + exact + ", bound " + bound);
            return;
        }
        // the last class is no true label, yet predicted: scikit-learn's macro average counts it with
        // F1 0, where MLlib's (f1Sum / labels) would leave it out
        assertEquals(classes - 1, mllib.labels().length);
        assertTrue(predictionAndLabel.stream().anyMatch(pl -> (double) pl._1() == classes - 1),
                "the fixture must predict class " + (classes - 1));
        assertEquals(f1Sum / (mllib.labels().length + 1), (Double) m.get("macro_f1"), 1e-12);
        assertEquals(mllib.weightedFMeasure(), (Double) m.get("weighted_f1"), 1e-12);
        assertEquals(mllib.weightedPrecision(), (Double) m.get("weighted_precision"), 1e-12);
        assertEquals(mllib.weightedRecall(), (Double) m.get("weighted_recall"), 1e-12);
        long hits = 0;
        for (int i = 0; i < n; i++) {
            float[] o = outputs.get(i);
            int higher = 0;
            for (float v : o) {
                higher += v > o[labels.get(i)] ? 1 : 0;
            }
            hits += higher < TestSummary.TOP_K ? 1 : 0;
        }
        assertEquals((double) hits / n, (Double) m.get("top3_accuracy"), 1e-12);
    }
}
