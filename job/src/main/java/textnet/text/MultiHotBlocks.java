package textnet.text;

import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.util.Collections;
import java.util.Iterator;

/** Rows dealt into a fixed number of partitions by document id, one {@link MultiHotBlock} each, cached. */
public final class MultiHotBlocks {

    private MultiHotBlocks() {
    }

    /**
     * A row's partition is a hash of its document id, and within a partition rows are ordered by id:
     * the assignment depends only on the documents, never on how Spark happened to split or order
     * the input, so every run (and every retried task) trains each partition on the same rows.
     */
    public static JavaRDD<MultiHotBlock> deal(JavaPairRDD<String, MultiHotRow> rowsById, int partitions, String name) {
        JavaRDD<MultiHotBlock> blocks = rowsById
                .repartitionAndSortWithinPartitions(new ByIdHash(partitions))
                .mapPartitions(it -> Collections.singletonList(MultiHotBlock.of(new Values<>(it))).iterator(), true)
                .setName(name)
                .persist(StorageLevel.MEMORY_AND_DISK());
        blocks.count(); // materialise once, so epochs (and their timings) start from the cache
        return blocks;
    }

    /** String.hashCode is specified by the JLS, so the same id lands in the same partition on every JVM. */
    private static final class ByIdHash extends Partitioner {
        private final int partitions;

        ByIdHash(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            int h = key.hashCode();
            h ^= h >>> 16; // spread ids that differ only in their last characters
            return Math.floorMod(h * 0x9E3779B1, partitions);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByIdHash b && b.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }

    /** The values of a key-value iterator. */
    private record Values<V>(Iterator<Tuple2<String, V>> pairs) implements Iterator<V> {
        @Override
        public boolean hasNext() {
            return pairs.hasNext();
        }

        @Override
        public V next() {
            return pairs.next()._2();
        }
    }
}
