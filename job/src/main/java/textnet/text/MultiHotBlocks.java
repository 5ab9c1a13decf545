package textnet.text;

import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.util.Collections;

/** Rows dealt round-robin into a fixed number of partitions, one {@link MultiHotBlock} each, cached. */
public final class MultiHotBlocks {

    private MultiHotBlocks() {
    }

    /**
     * Row i goes to partition i mod n, and keeps its order there: the assignment depends only on
     * the rows' order, never on shuffle timing, so every run trains each partition on the same rows.
     */
    public static JavaRDD<MultiHotBlock> deal(JavaRDD<MultiHotRow> rows, int partitions, String name) {
        JavaRDD<MultiHotBlock> blocks = rows.zipWithIndex()
                .mapToPair(t -> new Tuple2<>(t._2(), t._1()))
                .repartitionAndSortWithinPartitions(new RoundRobin(partitions))
                .mapPartitions(it -> Collections.singletonList(MultiHotBlock.of(new Values<>(it))).iterator(), true)
                .setName(name)
                .persist(StorageLevel.MEMORY_AND_DISK());
        blocks.count(); // materialise once, so epochs (and their timings) start from the cache
        return blocks;
    }

    private static final class RoundRobin extends Partitioner {
        private final int partitions;

        RoundRobin(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return (int) ((Long) key % partitions);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RoundRobin r && r.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }

    /** The values of a key-value iterator. */
    private record Values<V>(java.util.Iterator<Tuple2<Long, V>> pairs) implements java.util.Iterator<V> {
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
