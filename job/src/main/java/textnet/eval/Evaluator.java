package textnet.eval;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import textnet.nn.ForwardPass;
import textnet.nn.NativeThreads;
import textnet.nn.Network;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlock;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The test split's forward passes over cached blocks, distributed: the summary the test metrics are
 * computed from (each epoch's validation loss is textnet.train.Validation's).
 */
public final class Evaluator {

    private final NetworkSpec spec;

    public Evaluator(NetworkSpec spec) {
        this.spec = spec;
    }

    /**
     * The test split's summary in one Spark job: each partition runs the forward pass over its block
     * in batches and folds the rows into a {@link TestSummary}; {@code treeAggregate} merges those.
     * The driver receives at most one summary per partition (fewer when treeAggregate combines some
     * on the executors first), each of a size that does not grow with the rows.
     */
    public TestSummary summarize(JavaRDD<MultiHotBlock> blocks, float[] parameters, int classes) {
        return summarize(blocks, parameters, classes, null);
    }

    /** @param rowsDone counts the rows scored so far, for the console's progress line (null: not counted) */
    public TestSummary summarize(JavaRDD<MultiHotBlock> blocks, float[] parameters, int classes,
                                 LongAccumulator rowsDone) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<float[]> params = sc.broadcast(parameters);
        NetworkSpec netSpec = spec;
        try {
            return blocks.treeAggregate(TestSummary.empty(classes), (summary, block) -> {
                NativeThreads.useOnePerTask();
                TestSummary.Builder partition = new TestSummary.Builder(classes);
                scoreInBatches(new Network(netSpec), params.value(), block, partition);
                if (rowsDone != null) {
                    rowsDone.add(block.size());
                }
                return summary.merge(partition.build());
            }, TestSummary::merge);
        } finally {
            params.destroy();
        }
    }

    /**
     * The test metrics of {@code blocks} (their order and keys: {@link TestMetrics}, or
     * {@link MultiLabelMetrics} for a multi-label network), computed on the executors.
     *
     * @param rowsDone counts the rows scored so far (null: not counted)
     */
    public Map<String, Object> metrics(JavaRDD<MultiHotBlock> blocks, float[] parameters, List<String> classes,
                                       LongAccumulator rowsDone) {
        return spec.multiLabel()
                ? MultiLabelMetrics.of(summarizeMultiLabel(blocks, parameters, rowsDone), classes, spec.threshold())
                : TestMetrics.of(summarize(blocks, parameters, classes.size(), rowsDone), classes);
    }

    /** {@link #summarize} for a multi-label network: each partition's rows folded into a {@link MultiLabelSummary}. */
    public MultiLabelSummary summarizeMultiLabel(JavaRDD<MultiHotBlock> blocks, float[] parameters,
                                                 LongAccumulator rowsDone) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<float[]> params = sc.broadcast(parameters);
        NetworkSpec netSpec = spec;
        int classes = spec.outputUnits();
        try {
            return blocks.treeAggregate(MultiLabelSummary.empty(classes), (summary, block) -> {
                NativeThreads.useOnePerTask();
                MultiLabelSummary.Builder partition = new MultiLabelSummary.Builder(classes);
                Network network = new Network(netSpec);
                ForwardPass.overBlock(block, batch -> {
                    Network.Scored scored = network.score(params.value(), batch);
                    for (int r = 0; r < batch.size(); r++) {
                        int[] truth = Arrays.copyOfRange(batch.labels(), batch.labelsFrom(r), batch.labelsFrom(r + 1));
                        partition.add(truth, scored.outputs(), r * classes, netSpec.threshold(), scored.rowLosses()[r]);
                    }
                });
                if (rowsDone != null) {
                    rowsDone.add(block.size());
                }
                return summary.merge(partition.build());
            }, MultiLabelSummary::merge);
        } finally {
            params.destroy();
        }
    }

    /**
     * The forward pass the test evaluation runs over a block: rows in stored order, {@link ForwardPass#ROWS} at
     * a time, each batch's outputs (with the rows' true labels), row losses and correct count handed
     * to {@code fold}.
     */
    public static void scoreInBatches(Network network, float[] parameters, MultiHotBlock block, BatchFold fold) {
        ForwardPass.overBlock(block, batch -> {
            Network.Scored scored = network.score(parameters, batch);
            fold.add(new Predictions(network.spec().outputUnits(), scored.outputs(), batch.labels()),
                    scored.rowLosses(), scored.stats().correct());
        });
    }

    /** What {@link #scoreInBatches} hands each batch to. */
    public interface BatchFold {
        void add(Predictions batch, double[] rowLosses, long correct);
    }
}
