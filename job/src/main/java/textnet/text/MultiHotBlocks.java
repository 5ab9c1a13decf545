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
import java.util.Map;

/**
 * Rows dealt into replicas: a row's replica is {@link IdPartitioner}'s hash of its document id, and
 * within a replica rows are ordered by block ({@link BlockKey}) and id, so a replica's rows are the
 * same however the source was split and in whatever order the shuffle delivered them. A partition
 * is a cached sequence of {@link MultiHotBlock}s of at most {@code train.block-rows} rows each: a
 * task that trains or evaluates holds one block at a time, whatever the corpus's size. Rows travel
 * in chunks ({@link RowChunk}).
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
        return deal(rowsById, replicas, blockRows, null, name);
    }

    /** {@link #deal(JavaPairRDD, int, int, String)}; with {@code sets}, rows' labels are their label sets' numbers. */
    public static JavaRDD<MultiHotBlock> deal(JavaPairRDD<String, MultiHotRow> rowsById, int replicas, int blockRows,
                                              LabelSets sets, String name) {
        Map<Integer, Long> rows = rowsById.keys().map(id -> IdPartitioner.partitionOf(id, replicas)).countByValue();
        int[] blocksOf = new int[replicas];
        for (int r = 0; r < replicas; r++) {
            blocksOf[r] = BlockKey.blocksFor(rows.getOrDefault(r, 0L), blockRows);
        }
        JavaPairRDD<BlockKey, RowChunk> chunks = rowsById.mapPartitionsToPair(it -> new RowChunk.Chunker(sink -> {
            if (!it.hasNext()) {
                return false;
            }
            Tuple2<String, MultiHotRow> r = it.next();
            int replica = IdPartitioner.partitionOf(r._1(), replicas);
            sink.add(new BlockKey(replica, BlockKey.blockOf(r._1(), blocksOf[replica])), r._1(), r._2().label(),
                    r._2().indices(), r._2().values());
            return true;
        }));
        JavaRDD<MultiHotBlock> blocks = blocks(chunks, replicas, blockRows, sets, name);
        blocks.count(); // materialise once, so epochs (and their timings) start from the cache
        return blocks;
    }

    /**
     * Chunks of rows sent to the partitions their keys name (of {@code partitions}), as blocks of at
     * most {@code blockRows} rows sorted by id ({@link RowChunk.Blocks}), cached; not computed yet.
     * {@code sets}: what a multi-label row's label numbers (null: single-label).
     */
    static JavaRDD<MultiHotBlock> blocks(JavaPairRDD<BlockKey, RowChunk> chunks, int partitions, int blockRows,
                                         LabelSets sets, String name) {
        return chunks.repartitionAndSortWithinPartitions(new BlockKey.ToPartition(partitions), BlockKey.BY_BLOCK)
                .mapPartitions(sorted -> new RowChunk.Blocks(sorted, blockRows, sets), true)
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
}
