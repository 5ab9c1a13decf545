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
     * Row j of input partition i goes to partition (i + j) mod n, and there rows keep the input's
     * order: the assignment depends only on the input's order, never on shuffle timing, so every run
     * trains each partition on the same rows, and no extra pass is needed to number them.
     */
    public static JavaRDD<MultiHotBlock> deal(JavaRDD<MultiHotRow> rows, int partitions, String name) {
        JavaRDD<MultiHotBlock> blocks = rows
                .mapPartitionsWithIndex((input, it) -> new Numbered<>(input, it), true)
                .mapToPair(t -> t)
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
            long k = (Long) key;
            return (int) (((k >>> 32) + (k & 0xFFFFFFFFL)) % partitions);
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

    /** Each row keyed by (input partition, position in it), packed into one sortable long. */
    private static final class Numbered<V> implements java.util.Iterator<Tuple2<Long, V>> {
        private final long input;
        private final java.util.Iterator<V> rows;
        private long position;

        Numbered(int input, java.util.Iterator<V> rows) {
            this.input = input;
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public Tuple2<Long, V> next() {
            return new Tuple2<>(input << 32 | position++, rows.next());
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
