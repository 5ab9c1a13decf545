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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rows dealt into replicas: a row's replica is {@link IdPartitioner}'s hash of its document id, and
 * within a replica rows are ordered by ({@link RowKey}) block and id, so a replica's rows are the
 * same however the source was split and in whatever order the shuffle delivered them. A partition
 * is a cached sequence of {@link MultiHotBlock}s of at most {@code train.block-rows} rows each: a
 * task that trains or evaluates holds one block at a time, whatever the corpus's size.
 */
public final class MultiHotBlocks {

    private static final ClassTag<MultiHotBlock> BLOCK = ClassTag$.MODULE$.apply(MultiHotBlock.class);

    private MultiHotBlocks() {
    }

    /**
     * Rows keyed by document id, dealt into {@code replicas} partitions of blocks of at most
     * {@code blockRows} rows, cached and computed once (a first job counts each replica's rows).
     */
    public static JavaRDD<MultiHotBlock> deal(JavaPairRDD<String, MultiHotRow> rowsById, int replicas, int blockRows,
                                              String name) {
        Map<Integer, Long> rows = rowsById.keys().map(id -> IdPartitioner.partitionOf(id, replicas)).countByValue();
        int[] blocksOf = new int[replicas];
        for (int r = 0; r < replicas; r++) {
            blocksOf[r] = RowKey.blocksFor(rows.getOrDefault(r, 0L), blockRows);
        }
        JavaRDD<MultiHotBlock> blocks = blocks(rowsById.mapToPair(r -> {
            int replica = IdPartitioner.partitionOf(r._1(), replicas);
            return new Tuple2<>(RowKey.of(replica, blocksOf[replica], r._1()), r._2());
        }), replicas, blockRows, name);
        blocks.count(); // materialise once, so epochs (and their timings) start from the cache
        return blocks;
    }

    /**
     * Rows sent to the partitions their keys name (of {@code partitions}), sorted by block and id
     * within each, cut into blocks of at most {@code blockRows} rows and cached; not computed yet.
     */
    static JavaRDD<MultiHotBlock> blocks(JavaPairRDD<RowKey, MultiHotRow> keyed, int partitions, int blockRows,
                                         String name) {
        return keyed.repartitionAndSortWithinPartitions(new RowKey.ToPartition(partitions), RowKey.BY_BLOCK_AND_ID)
                .mapPartitions(sorted -> new Blocks(sorted, blockRows), true)
                .setName(name)
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * A partition's sorted rows as blocks: a new block at each new {@link RowKey#block()}, or when one
     * is full. A partition without rows is one empty block (so every replica answers its epoch).
     */
    private static final class Blocks implements Iterator<MultiHotBlock> {
        private final Iterator<Tuple2<RowKey, MultiHotRow>> sorted;
        private final int blockRows;
        private Tuple2<RowKey, MultiHotRow> pending;
        private boolean any;

        Blocks(Iterator<Tuple2<RowKey, MultiHotRow>> sorted, int blockRows) {
            this.sorted = sorted;
            this.blockRows = blockRows;
            this.pending = sorted.hasNext() ? sorted.next() : null;
        }

        @Override
        public boolean hasNext() {
            return pending != null || !any;
        }

        @Override
        public MultiHotBlock next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            any = true;
            List<MultiHotRow> rows = new ArrayList<>();
            int block = pending == null ? 0 : pending._1().block();
            while (pending != null && pending._1().block() == block && rows.size() < blockRows) {
                rows.add(pending._2());
                pending = sorted.hasNext() ? sorted.next() : null;
            }
            return MultiHotBlock.of(rows.iterator());
        }
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

}
