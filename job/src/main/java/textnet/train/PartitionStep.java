package textnet.train;

import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.nd4j.linalg.api.buffer.DataType;
import textnet.config.OptimizerConfig;
import textnet.nn.BatchStats;
import textnet.nn.MultiHotBatch;
import textnet.nn.Network;
import textnet.nn.NetworkSpec;
import textnet.optim.Optimizer;
import textnet.optim.SparseRows;
import textnet.text.MultiHotBlock;

import java.util.Collections;
import java.util.Iterator;

/**
 * One partition's epoch: start from the broadcast state, visit the partition's rows in a seeded
 * order in mini-batches, take one optimizer step per batch on the local ND4J network, and return
 * the resulting parameters and optimizer state. A pure function of (state, rows, seed, epoch,
 * partition): a retried task gives the same answer.
 */
public final class PartitionStep implements Function2<Integer, Iterator<MultiHotBlock>, Iterator<PartitionResult>> {

    private final Broadcast<TrainingState> state;
    private final NetworkSpec spec;
    private final OptimizerConfig optimizer;
    private final int batchSize;
    private final long seed;
    private final int epoch;
    private final LongAccumulator rowsDone;

    public PartitionStep(Broadcast<TrainingState> state, NetworkSpec spec, OptimizerConfig optimizer,
                         int batchSize, long seed, int epoch) {
        this(state, spec, optimizer, batchSize, seed, epoch, null);
    }

    /** @param rowsDone counts the rows trained on so far, for the console's progress line (null: not counted) */
    public PartitionStep(Broadcast<TrainingState> state, NetworkSpec spec, OptimizerConfig optimizer,
                         int batchSize, long seed, int epoch, LongAccumulator rowsDone) {
        this.state = state;
        this.spec = spec;
        this.optimizer = optimizer;
        this.batchSize = batchSize;
        this.seed = seed;
        this.epoch = epoch;
        this.rowsDone = rowsDone;
    }

    @Override
    public Iterator<PartitionResult> call(Integer partition, Iterator<MultiHotBlock> blocks) {
        NativeThreads.useOnePerTask();
        TrainingState start = state.value();
        PartitionResult result = train(start, blocks.hasNext() ? blocks.next() : null, partition);
        return Collections.singletonList(result).iterator();
    }

    /** The local training loop, also usable without Spark (one partition == local training). */
    public PartitionResult train(TrainingState start, MultiHotBlock block, int partition) {
        if (block == null || block.size() == 0) {
            return new PartitionResult(partition, start.parameters(), start.optimizerState(), 0, 0, 0, 0);
        }
        Network network = new Network(spec, DataType.FLOAT);
        Optimizer update = Optimizer.of(optimizer);
        float[] params = start.parameters().clone();
        float[] optState = start.optimizerState().clone();
        float[] grad = new float[params.length];
        int firstLayerOffset = Math.toIntExact(spec.weightOffset(0));
        int firstLayerUnits = spec.layers().get(0).units();

        int[] order = Shuffle.order(block.size(), seed, epoch, partition);
        long iteration = start.iteration();
        BatchStats seen = BatchStats.EMPTY;
        for (int from = 0; from < order.length; from += batchSize) {
            MultiHotBatch batch = block.batch(order, from, Math.min(order.length, from + batchSize));
            // sparse input: W0's gradient only in the rows this batch touches (the optimizer knows)
            int[] touched = spec.sparseInput() ? batch.distinctIndices(spec.inputSize()) : null;
            seen = seen.add(network.lossAndGradient(params, batch, grad, touched));
            update.step(params, grad, optState, ++iteration, touched == null ? null
                    : new SparseRows(firstLayerOffset, firstLayerUnits, spec.inputSize(), touched));
            if (rowsDone != null) {
                rowsDone.add(batch.size()); // progress only: read by the driver's heartbeat listener
            }
        }
        update.finish(optState, iteration);
        return new PartitionResult(partition, params, optState, iteration - start.iteration(),
                seen.rows(), seen.lossSum(), seen.correct());
    }
}
