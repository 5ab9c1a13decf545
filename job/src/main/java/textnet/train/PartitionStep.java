package textnet.train;

import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import textnet.config.OptimizerConfig;
import textnet.nn.BatchStats;
import textnet.nn.ClassWeights;
import textnet.nn.Network;
import textnet.nn.NativeThreads;
import textnet.nn.NetworkSpec;
import textnet.optim.Optimizer;
import textnet.optim.SparseRows;
import textnet.text.MultiHotBatch;
import textnet.text.MultiHotBlock;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * One replica's epoch: start from the broadcast state, visit the replica's blocks of rows in turn,
 * each in a seeded order in mini-batches, take one optimizer step per batch on the local ND4J
 * network, and return the resulting parameters and optimizer state. A pure function of (state, rows,
 * seed, epoch, replica): a retried task gives the same answer. Dropout masks are drawn per step
 * from (seed, epoch, replica, step within the epoch), so they are too.
 */
public final class PartitionStep implements Function2<Integer, Iterator<MultiHotBlock>, Iterator<PartitionResult>> {

    private final Broadcast<TrainingState> state;
    private final NetworkSpec spec;
    private final OptimizerConfig optimizer;
    private final int batchSize;
    private final long seed;
    private final int epoch;
    private final LongAccumulator rowsDone;
    private final ClassWeights classWeights;

    public PartitionStep(Broadcast<TrainingState> state, NetworkSpec spec, OptimizerConfig optimizer,
                         int batchSize, long seed, int epoch) {
        this(state, spec, optimizer, batchSize, seed, epoch, null);
    }

    /** @param rowsDone counts the rows trained on so far, for the console's progress line (null: not counted) */
    public PartitionStep(Broadcast<TrainingState> state, NetworkSpec spec, OptimizerConfig optimizer,
                         int batchSize, long seed, int epoch, LongAccumulator rowsDone) {
        this(state, spec, optimizer, batchSize, seed, epoch, rowsDone, null);
    }

    /** @param classWeights the training loss's class weights (null: every class 1) */
    public PartitionStep(Broadcast<TrainingState> state, NetworkSpec spec, OptimizerConfig optimizer,
                         int batchSize, long seed, int epoch, LongAccumulator rowsDone, ClassWeights classWeights) {
        this.state = state;
        this.spec = spec;
        this.optimizer = optimizer;
        this.batchSize = batchSize;
        this.seed = seed;
        this.epoch = epoch;
        this.rowsDone = rowsDone;
        this.classWeights = classWeights;
    }

    @Override
    public Iterator<PartitionResult> call(Integer partition, Iterator<MultiHotBlock> blocks) {
        NativeThreads.useOnePerTask();
        return Collections.singletonList(train(state.value(), blocks, partition)).iterator();
    }

    /** One block's epoch (local training, tests): {@link #train(TrainingState, Iterator, int)} on one block. */
    public PartitionResult train(TrainingState start, MultiHotBlock block, int partition) {
        return train(start, block == null ? Collections.emptyIterator() : List.of(block).iterator(), partition);
    }

    /**
     * The local training loop over a replica's blocks, one after another (a task holds one block's rows
     * at a time), each visited in its own seeded order; parameters and optimizer state carry from block
     * to block. Usable without Spark: one partition == local training.
     */
    public PartitionResult train(TrainingState start, Iterator<MultiHotBlock> blocks, int partition) {
        Network network = new Network(spec, classWeights);
        Optimizer update = Optimizer.of(optimizer);
        float[] params = start.parameters().clone();
        float[] optState = start.optimizerState().clone();
        float[] grad = new float[params.length];
        int firstLayerOffset = Math.toIntExact(spec.weightOffset(0));
        int firstLayerUnits = spec.layers().get(0).units();

        // a kernel regularizer on W0 gives every row of it a gradient: the dense update (see README)
        boolean sparseRows = spec.sparseInput() && !spec.layers().get(0).regularized();

        long iteration = start.iteration();
        BatchStats seen = BatchStats.EMPTY;
        long step = 0;
        MultiHotBatch batch = null; // the previous batch, whose arrays the next one reuses
        for (int b = 0; blocks.hasNext(); b++) {
            MultiHotBlock block = blocks.next();
            int[] order = Shuffle.order(block.size(), seed, epoch, partition, b);
            for (int from = 0; from < order.length; from += batchSize) {
                batch = block.batch(order, from, Math.min(order.length, from + batchSize), batch);
                // sparse input: W0's gradient only in the rows this batch touches (the optimizer knows)
                int[] touched = sparseRows ? batch.distinctIndices(spec.inputSize()) : null;
                long maskSeed = textnet.nn.DropoutMask.stepSeed(seed, epoch, partition, step++);
                seen = seen.add(network.lossAndGradient(params, batch, grad, touched, maskSeed));
                update.step(params, grad, optState, ++iteration, touched == null ? null
                        : new SparseRows(firstLayerOffset, firstLayerUnits, spec.inputSize(), touched));
                if (rowsDone != null) {
                    rowsDone.add(batch.size()); // progress only: read by the driver's heartbeat listener
                }
            }
        }
        if (seen.rows() == 0) {
            return new PartitionResult(partition, start.parameters(), start.optimizerState(), 0, 0, 0, 0);
        }
        update.finish(optState, iteration);
        return new PartitionResult(partition, params, optState, iteration - start.iteration(),
                seen.rows(), seen.lossSum(), seen.correct());
    }
}
