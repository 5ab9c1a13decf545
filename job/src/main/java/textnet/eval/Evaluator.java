package textnet.eval;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import textnet.nn.BatchStats;
import textnet.nn.MultiHotBatch;
import textnet.nn.Network;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlock;
import textnet.train.NativeThreads;

import java.util.List;

/**
 * Forward passes over cached blocks, distributed: the mean loss and accuracy of a split (each
 * epoch's validation), or the summary the test metrics are computed from.
 */
public final class Evaluator {

    private static final int BATCH = 1024;

    private final NetworkSpec spec;

    public Evaluator(NetworkSpec spec) {
        this.spec = spec;
    }

    /**
     * Mean loss and accuracy of a split. Each partition sums its blocks in order and the driver adds
     * the partitions in index order: the same bits however Spark schedules the tasks.
     */
    public BatchStats lossAndAccuracy(JavaRDD<MultiHotBlock> blocks, float[] parameters) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<float[]> params = sc.broadcast(parameters);
        NetworkSpec netSpec = spec;
        try {
            List<BatchStats> perPartition = blocks.mapPartitions(it -> {
                NativeThreads.useOnePerTask();
                Network network = new Network(netSpec);
                float[] p = params.value();
                BatchStats sum = BatchStats.EMPTY;
                while (it.hasNext()) {
                    MultiHotBlock block = it.next();
                    for (int from = 0; from < block.size(); from += BATCH) {
                        sum = sum.add(network.evaluate(p, block.batch(from, Math.min(block.size(), from + BATCH))));
                    }
                }
                return List.of(sum).iterator();
            }).collect();
            BatchStats total = BatchStats.EMPTY;
            for (BatchStats s : perPartition) {
                total = total.add(s);
            }
            return total;
        } finally {
            params.destroy();
        }
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
     * The forward pass the test evaluation runs over a block: rows in stored order, {@link #BATCH} at
     * a time, each batch's outputs (with the rows' true labels), row losses and correct count handed
     * to {@code fold}.
     */
    public static void scoreInBatches(Network network, float[] parameters, MultiHotBlock block, BatchFold fold) {
        for (int from = 0; from < block.size(); from += BATCH) {
            MultiHotBatch batch = block.batch(from, Math.min(block.size(), from + BATCH));
            Network.Scored scored = network.score(parameters, batch);
            fold.add(new Predictions(network.spec().outputUnits(), scored.outputs(), batch.labels()),
                    scored.rowLosses(), scored.stats().correct());
        }
    }

    /** What {@link #scoreInBatches} hands each batch to. */
    public interface BatchFold {
        void add(Predictions batch, double[] rowLosses, long correct);
    }
}
