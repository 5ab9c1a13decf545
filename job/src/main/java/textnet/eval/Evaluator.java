package textnet.eval;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.nd4j.linalg.api.buffer.DataType;
import textnet.nn.BatchStats;
import textnet.nn.MultiHotBatch;
import textnet.nn.Network;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlock;
import textnet.train.NativeThreads;

import java.util.ArrayList;
import java.util.List;

/**
 * Forward passes over cached blocks, distributed: the mean loss and accuracy of a split (each
 * epoch's validation), or every row's probabilities (the test split, predict).
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
                Network network = new Network(netSpec, DataType.FLOAT);
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

    /** Probabilities of every row, in partition then row order, with the loss and accuracy. */
    public Scored predict(JavaRDD<MultiHotBlock> blocks, float[] parameters) {
        return predict(blocks, parameters, null);
    }

    /** @param rowsDone counts the rows scored so far, for the console's progress line (null: not counted) */
    public Scored predict(JavaRDD<MultiHotBlock> blocks, float[] parameters, LongAccumulator rowsDone) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<float[]> params = sc.broadcast(parameters);
        NetworkSpec netSpec = spec;
        int units = spec.outputUnits();
        try {
            List<Scored> parts = blocks.map(block -> {
                NativeThreads.useOnePerTask();
                Network network = new Network(netSpec, DataType.FLOAT);
                float[] p = params.value();
                float[] probs = new float[block.size() * units];
                int[] labels = new int[block.size()];
                BatchStats sum = BatchStats.EMPTY;
                for (int from = 0; from < block.size(); from += BATCH) {
                    MultiHotBatch batch = block.batch(from, Math.min(block.size(), from + BATCH));
                    Network.Scored scored = network.score(p, batch);
                    sum = sum.add(scored.stats());
                    System.arraycopy(scored.outputs(), 0, probs, from * units, scored.outputs().length);
                    System.arraycopy(batch.labels(), 0, labels, from, batch.size());
                    if (rowsDone != null) {
                        rowsDone.add(batch.size());
                    }
                }
                return new Scored(sum, new Predictions(units, probs, labels));
            }).collect();
            BatchStats total = BatchStats.EMPTY;
            List<Predictions> predictions = new ArrayList<>();
            for (Scored s : parts) {
                total = total.add(s.stats());
                predictions.add(s.predictions());
            }
            return new Scored(total, Predictions.concat(predictions, units));
        } finally {
            params.destroy();
        }
    }

    public record Scored(BatchStats stats, Predictions predictions) implements java.io.Serializable {
    }
}
