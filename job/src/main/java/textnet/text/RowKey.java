package textnet.text;

import org.apache.spark.Partitioner;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.types.UTF8String;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Where a multi-hot row goes when rows are dealt into blocks: the partition (a role's replica, see
 * {@link MultiHotBlocks}), the block within it, and its place in the block by document id. A
 * partition with more rows than a block may hold spreads them over {@code blocks} blocks by a hash of
 * the id, so each block is a random sample of the replica's rows (ids often follow the classes:
 * {@code train/neg/...} before {@code train/pos/...}); sorting by (block, id) makes every block the
 * same whatever order the shuffle brought its rows in.
 */
record RowKey(int partition, int block, String id) implements Serializable {

    static final Comparator<RowKey> BY_BLOCK_AND_ID = new ByBlockAndId();

    /** Not {@link textnet.data.IdPartitioner}'s hash, so a replica's rows spread over its blocks. */
    private static final long BLOCK_SEED = 0x5EED_B10CL;

    /** The key of document {@code id} in {@code partition}, which has {@code blocks} blocks. */
    static RowKey of(int partition, int blocks, String id) {
        int block = blocks <= 1 ? 0
                : (int) Math.floorMod(XXH64.hashUTF8String(UTF8String.fromString(id), BLOCK_SEED), (long) blocks);
        return new RowKey(partition, block, id);
    }

    /** How many blocks {@code rows} rows need when a block holds at most {@code blockRows}. */
    static int blocksFor(long rows, int blockRows) {
        return (int) Math.max(1, (rows + blockRows - 1) / blockRows);
    }

    private static final class ByBlockAndId implements Comparator<RowKey>, Serializable {
        @Override
        public int compare(RowKey a, RowKey b) {
            int byBlock = Integer.compare(a.block, b.block);
            return byBlock != 0 ? byBlock : a.id.compareTo(b.id);
        }
    }

    /** Sends a row to its key's partition. */
    static final class ToPartition extends Partitioner {
        private final int partitions;

        ToPartition(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return ((RowKey) key).partition();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ToPartition p && p.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }
}
