package textnet.text;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.PartitionPruningRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import textnet.data.IdPartitioner;

import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;

/**
 * Rows dealt into replicas: a row's replica is {@link IdPartitioner}'s hash of its document id, and
 * within a replica rows are ordered by id, so a replica's rows are the same however the source was
 * split and in whatever order the shuffle delivered them. One cached {@link MultiHotBlock} per
 * partition.
 */
public final class MultiHotBlocks {

    private static final ClassTag<MultiHotBlock> BLOCK = ClassTag$.MODULE$.apply(MultiHotBlock.class);

    private MultiHotBlocks() {
    }

    /** Rows keyed by document id, dealt into {@code replicas} partitions, cached and computed once. */
    public static JavaRDD<MultiHotBlock> deal(JavaPairRDD<String, MultiHotRow> rowsById, int replicas, String name) {
        JavaRDD<MultiHotBlock> blocks = blocks(rowsById.mapToPair(r ->
                new Tuple2<>(new RowKey(IdPartitioner.partitionOf(r._1(), replicas), r._1()), r._2())), replicas, name);
        blocks.count(); // materialise once, so epochs (and their timings) start from the cache
        return blocks;
    }

    /**
     * Rows sent to the partitions their keys name (of {@code partitions}), sorted by id within each,
     * as one cached block per partition; not computed yet.
     */
    static JavaRDD<MultiHotBlock> blocks(JavaPairRDD<RowKey, MultiHotRow> keyed, int partitions, String name) {
        return keyed.repartitionAndSortWithinPartitions(new RowKey.ToPartition(partitions), RowKey.BY_ID)
                .mapPartitions(it -> Collections.singletonList(MultiHotBlock.of(new Values<>(it))).iterator(), true)
                .setName(name)
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** Partitions {@code [from, from + count)} of {@code blocks} as an RDD of their own (partition i = from + i). */
    static JavaRDD<MultiHotBlock> slice(JavaRDD<MultiHotBlock> blocks, int from, int count, String name) {
        return JavaRDD.fromRDD(PartitionPruningRDD.create(blocks.rdd(), new InRange(from, from + count)), BLOCK)
                .setName(name);
    }

    /** Keeps partitions {@code [from, to)}: PartitionPruningRDD's filter, serializable with the RDD. */
    private static final class InRange extends AbstractFunction1<Object, Object> implements Serializable {
        private final int from;
        private final int to;

        InRange(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public Object apply(Object partition) {
            int p = (Integer) partition;
            return p >= from && p < to;
        }
    }

    /** The values of a key-value iterator. */
    private record Values<K, V>(Iterator<Tuple2<K, V>> pairs) implements Iterator<V> {
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
