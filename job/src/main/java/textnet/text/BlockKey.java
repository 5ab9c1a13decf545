package textnet.text;

import org.apache.spark.Partitioner;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.types.UTF8String;

import java.io.Serializable;

/**
 * Where rows go when they are dealt into blocks ({@link MultiHotBlocks}): the partition (a role's
 * replica) and the block within it. A partition with more rows than a block may hold spreads them
 * over several blocks by a hash of the document id, so each block is a random sample of the replica's
 * rows (ids often follow the classes: {@code train/neg/...} before {@code train/pos/...}).
 */
record BlockKey(int partition, int block) implements Serializable {

    /** Not {@link textnet.data.IdPartitioner}'s hash, so that a replica's rows spread over its blocks. */
    private static final long BLOCK_SEED = 0x5EED_B10CL;

    /** The block of document {@code id} in a partition of {@code blocks} blocks. */
    static int blockOf(String id, int blocks) {
        return blocks <= 1 ? 0
                : (int) Math.floorMod(XXH64.hashUTF8String(UTF8String.fromString(id), BLOCK_SEED), (long) blocks);
    }

    /** How many blocks {@code rows} rows need when a block holds at most {@code blockRows}. */
    static int blocksFor(long rows, int blockRows) {
        return (int) Math.max(1, (rows + blockRows - 1) / blockRows);
    }

    /**
     * How many blocks each partition has ({@link #blocksFor} its rows), numbered one after another:
     * partition p's blocks are {@code [first(p), first(p) + blocks(p))} of {@link #blockCount()}, so
     * rows can travel to their block, not only to their partition.
     */
    record Layout(int[] blocksOf, int[] firstOf) implements Serializable {

        static Layout of(long[] rowsOf, int blockRows) {
            int[] blocksOf = new int[rowsOf.length];
            int[] firstOf = new int[rowsOf.length + 1];
            for (int p = 0; p < rowsOf.length; p++) {
                blocksOf[p] = blocksFor(rowsOf[p], blockRows);
                firstOf[p + 1] = firstOf[p] + blocksOf[p];
            }
            return new Layout(blocksOf, firstOf);
        }

        int partitions() {
            return blocksOf.length;
        }

        int blocks(int partition) {
            return blocksOf[partition];
        }

        int first(int partition) {
            return firstOf[partition];
        }

        int blockCount() {
            return firstOf[blocksOf.length];
        }

        /** Whether numbered block {@code b} is its partition's only one (then it stands for the partition, rows or not). */
        boolean onlyBlock(int b) {
            return blocksOf[partitionOf(b)] == 1;
        }

        /** The partition of numbered block {@code b} (every partition has at least one block). */
        int partitionOf(int b) {
            int p = java.util.Arrays.binarySearch(firstOf, 0, blocksOf.length, b);
            return p >= 0 ? p : -p - 2;
        }
    }

    /** Sends a chunk of rows to its block ({@link Layout}'s number for it): one block per shuffle partition. */
    static final class ToBlock extends Partitioner {
        private final Layout layout;

        ToBlock(Layout layout) {
            this.layout = layout;
        }

        @Override
        public int numPartitions() {
            return layout.blockCount();
        }

        @Override
        public int getPartition(Object key) {
            BlockKey k = (BlockKey) key;
            return layout.first(k.partition()) + k.block();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ToBlock b && java.util.Arrays.equals(b.layout.firstOf(), layout.firstOf());
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(layout.firstOf());
        }
    }
}
