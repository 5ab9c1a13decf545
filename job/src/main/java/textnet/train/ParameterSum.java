package textnet.train;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The row-weighted sum of partition results that {@code treeAggregate} builds: parameters and
 * optimizer state are averaged with the same weights (as DL4J's parameter averaging does with its
 * updater state). Sums are kept in double, so one partition's average is exactly its own float
 * parameters ({@code x * n / n} is exact in double for a float x).
 *
 * <p>Floating-point addition is not associative, and Spark merges partial results in whatever order
 * tasks finish. So partitions are added in a fixed tree instead: a block of {@code 2^k} partitions
 * starting at a multiple of {@code 2^k} is only ever added to its sibling block, left + right, and
 * the blocks left at the end are added in partition order. Whatever order Spark merges in, the sum
 * is the same to the last bit; an accumulator holds at most about log2(partitions) blocks.
 */
public final class ParameterSum implements Serializable {

    /** Complete aligned blocks by their first partition. */
    private final TreeMap<Integer, Block> blocks = new TreeMap<>();

    public ParameterSum add(PartitionResult r) {
        insert(Block.of(r));
        return this;
    }

    public ParameterSum merge(ParameterSum other) {
        for (Block b : other.blocks.values()) {
            insert(b);
        }
        return this;
    }

    /** The new driver state: averages, and the iteration advanced by the mean steps taken. */
    public TrainingState average(TrainingState before) {
        Block total = total();
        if (total.rows == 0) {
            throw new IllegalStateException("no training rows in any partition");
        }
        return new TrainingState(divide(total.parameters(), total.rows), divide(total.optimizerState(), total.rows),
                before.iteration() + Math.round(total.weightedSteps / total.rows));
    }

    public long rows() {
        return total().rows;
    }

    public double meanLoss() {
        Block total = total();
        return total.lossSum / total.rows;
    }

    public double accuracy() {
        Block total = total();
        return (double) total.correct / total.rows;
    }

    /** Joins the block with its sibling while the sibling is here, then keeps it. */
    private void insert(Block block) {
        Block b = block;
        while (true) {
            boolean left = (b.first / b.size) % 2 == 0;
            int siblingFirst = left ? b.first + b.size : b.first - b.size;
            Block sibling = blocks.get(siblingFirst);
            if (sibling == null || sibling.size != b.size) {
                blocks.put(b.first, b);
                return;
            }
            blocks.remove(siblingFirst);
            b = left ? Block.join(b, sibling) : Block.join(sibling, b);
        }
    }

    /** The remaining blocks, added in partition order. */
    private Block total() {
        Block total = null;
        for (Map.Entry<Integer, Block> e : blocks.entrySet()) {
            total = total == null ? e.getValue() : Block.join(total, e.getValue());
        }
        return total == null ? new Block(0, 1) : total;
    }

    private static float[] divide(double[] sum, long n) {
        float[] out = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = (float) (sum[i] / n);
        }
        return out;
    }

    /**
     * The sums over partitions {@code [first, first + size)}; arrays null while no rows were seen. A
     * single partition's block keeps the task's float arrays and scales them only when first added,
     * so a task sends half the bytes it would as doubles (the same product, computed later).
     */
    private static final class Block implements Serializable {
        final int first;
        final int size;
        private PartitionResult single;
        private double[] parameters;
        private double[] optimizerState;
        double weightedSteps;
        long rows;
        double lossSum;
        long correct;

        Block(int first, int size) {
            this.first = first;
            this.size = size;
        }

        static Block of(PartitionResult r) {
            Block b = new Block(r.partition(), 1);
            if (r.rows() > 0) {
                b.single = r;
                b.weightedSteps = (double) r.steps() * r.rows();
                b.rows = r.rows();
                b.lossSum = r.lossSum();
                b.correct = r.correct();
            }
            return b;
        }

        /** {@code left + right}, element by element, in that order. */
        static Block join(Block left, Block right) {
            Block b = new Block(left.first, left.size + right.size);
            b.parameters = plus(left.parameters(), right.parameters());
            b.optimizerState = plus(left.optimizerState(), right.optimizerState());
            b.weightedSteps = left.weightedSteps + right.weightedSteps;
            b.rows = left.rows + right.rows;
            b.lossSum = left.lossSum + right.lossSum;
            b.correct = left.correct + right.correct;
            return b;
        }

        double[] parameters() {
            return parameters == null && single != null ? scaled(single.parameters(), rows) : parameters;
        }

        double[] optimizerState() {
            return optimizerState == null && single != null ? scaled(single.optimizerState(), rows) : optimizerState;
        }

        private static double[] plus(double[] a, double[] b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            double[] sum = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                sum[i] = a[i] + b[i];
            }
            return sum;
        }

        private static double[] scaled(float[] values, long weight) {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (double) values[i] * weight;
            }
            return out;
        }
    }
}
