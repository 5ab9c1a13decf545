package textnet.text;

import org.apache.spark.Partitioner;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Where a multi-hot row goes when rows are dealt into blocks: the partition (a role's replica, see
 * {@link MultiHotBlocks}) and, within it, its place by document id. Sorting by id makes a partition's
 * rows the same whatever order the shuffle brought them in.
 */
record RowKey(int partition, String id) implements Serializable {

    static final Comparator<RowKey> BY_ID = new ById();

    private static final class ById implements Comparator<RowKey>, Serializable {
        @Override
        public int compare(RowKey a, RowKey b) {
            return a.id.compareTo(b.id);
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
