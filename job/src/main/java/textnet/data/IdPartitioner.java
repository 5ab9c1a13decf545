package textnet.data;

import org.apache.spark.Partitioner;

/**
 * A document's partition is a hash of its id: the assignment depends only on the documents, never on
 * how Spark happened to split or order the input, so every run (and every retried task) trains each
 * partition on the same rows. Readers that stream an archive use {@link #partitionOf} to keep their
 * share of it directly; everything else is shuffled with this partitioner.
 */
public final class IdPartitioner extends Partitioner {

    private final int partitions;

    public IdPartitioner(int partitions) {
        this.partitions = partitions;
    }

    /** String.hashCode is specified by the JLS, so the same id lands in the same partition on every JVM. */
    public static int partitionOf(String id, int partitions) {
        int h = id.hashCode();
        h ^= h >>> 16; // spread ids that differ only in their last characters
        return Math.floorMod(h * 0x9E3779B1, partitions);
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        return partitionOf((String) key, partitions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdPartitioner p && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }
}
