package textnet.text;

import org.apache.spark.Partitioner;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.types.UTF8String;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Where rows go when they are dealt into blocks ({@link MultiHotBlocks}): the partition (a role's
 * replica) and the block within it. A partition with more rows than a block may hold spreads them
 * over several blocks by a hash of the document id, so each block is a random sample of the replica's
 * rows (ids often follow the classes: {@code train/neg/...} before {@code train/pos/...}).
 */
record BlockKey(int partition, int block) implements Serializable {

    static final Comparator<BlockKey> BY_BLOCK = new ByBlock();

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

    private static final class ByBlock implements Comparator<BlockKey>, Serializable {
        @Override
        public int compare(BlockKey a, BlockKey b) {
            return Integer.compare(a.block, b.block);
        }
    }

    /** Sends a chunk of rows to its key's partition. */
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
            return ((BlockKey) key).partition();
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
