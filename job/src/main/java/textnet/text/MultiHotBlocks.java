package textnet.text;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import textnet.data.IdPartitioner;

import java.util.Collections;
import java.util.Iterator;

/** Rows dealt into a fixed number of partitions by document id, one {@link MultiHotBlock} each, cached. */
public final class MultiHotBlocks {

    private MultiHotBlocks() {
    }

    /** A row's partition is {@link IdPartitioner}'s, and within a partition rows are ordered by id. */
    public static JavaRDD<MultiHotBlock> deal(JavaPairRDD<String, MultiHotRow> rowsById, int partitions, String name) {
        JavaRDD<MultiHotBlock> blocks = rowsById
                .repartitionAndSortWithinPartitions(new IdPartitioner(partitions))
                .mapPartitions(it -> Collections.singletonList(MultiHotBlock.of(new Values<>(it))).iterator(), true)
                .setName(name)
                .persist(StorageLevel.MEMORY_AND_DISK());
        blocks.count(); // materialise once, so epochs (and their timings) start from the cache
        return blocks;
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
