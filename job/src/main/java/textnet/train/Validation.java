package textnet.train;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import textnet.nn.BatchStats;
import textnet.nn.ForwardPass;
import textnet.nn.NativeThreads;
import textnet.nn.Network;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlock;

import java.util.List;

/**
 * The mean loss and accuracy of a split under given parameters, computed on the executors: each
 * epoch's {@code val_loss} / {@code val_accuracy}. Part of training (Keras reports it in the epoch's
 * line); the test split's full metrics are textnet.eval's.
 */
public final class Validation {

    private Validation() {
    }

    /**
     * Each partition sums its blocks in order, {@link ForwardPass#ROWS} rows at a time, and the
     * driver adds the partitions in index order: the same bits however Spark schedules the tasks.
     */
    public static BatchStats lossAndAccuracy(NetworkSpec spec, JavaRDD<MultiHotBlock> blocks, float[] parameters) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<float[]> params = sc.broadcast(parameters);
        try {
            List<BatchStats> perPartition = blocks.mapPartitions(it -> {
                NativeThreads.useOnePerTask();
                Network network = new Network(spec);
                float[] p = params.value();
                BatchStats[] sum = {BatchStats.EMPTY};
                while (it.hasNext()) {
                    ForwardPass.overBlock(it.next(), batch -> sum[0] = sum[0].add(network.evaluate(p, batch)));
                }
                return List.of(sum[0]).iterator();
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
}
