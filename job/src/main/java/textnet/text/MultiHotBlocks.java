package textnet.text;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.Partition;
import org.apache.spark.rdd.PartitionCoalescer;
import org.apache.spark.rdd.PartitionGroup;
import org.apache.spark.rdd.PartitionPruningRDD;
import org.apache.spark.rdd.RDD;
import scala.Option;
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
        Map<Integer, Long> counted = rowsById.keys().map(id -> IdPartitioner.partitionOf(id, replicas)).countByValue();
        long[] rows = new long[replicas];
        for (int r = 0; r < replicas; r++) {
            rows[r] = counted.getOrDefault(r, 0L);
        }
        BlockKey.Layout layout = BlockKey.Layout.of(rows, blockRows);
        JavaPairRDD<BlockKey, RowChunk> chunks = rowsById.mapPartitionsToPair(it -> new RowChunk.Chunker(sink -> {
            if (!it.hasNext()) {
                return false;
            }
            Tuple2<String, MultiHotRow> r = it.next();
            int replica = IdPartitioner.partitionOf(r._1(), replicas);
            sink.add(new BlockKey(replica, BlockKey.blockOf(r._1(), layout.blocks(replica))), r._1(), r._2().label(),
                    r._2().indices(), r._2().values());
            return true;
        }));
        JavaRDD<MultiHotBlock> blocks = blocks(chunks, layout, blockRows, sets, name);
        blocks.count(); // materialise once, so epochs (and their timings) start from the cache
        return blocks;
    }

    /**
     * Chunks of rows sent to the blocks their keys name ({@code layout}'s partitions), as blocks of at
     * most {@code blockRows} rows sorted by id ({@link RowChunk.Blocks}), cached; not computed yet.
     * {@code sets}: what a multi-label row's label numbers (null: single-label).
     *
     * <p>Each block is a shuffle partition of its own, read and merged by itself: a task holds one
     * block's rows while it builds it, whatever the corpus's size (sorting a whole partition's rows by
     * block held them all, and spilled). The blocks are then grouped, in order, into the layout's
     * partitions ({@link InOrder}), and those are what is cached and trained on.
     */
    static JavaRDD<MultiHotBlock> blocks(JavaPairRDD<BlockKey, RowChunk> chunks, BlockKey.Layout layout, int blockRows,
                                         LabelSets sets, String name) {
        JavaRDD<MultiHotBlock> byBlock = chunks.partitionBy(new BlockKey.ToBlock(layout))
                .mapPartitionsWithIndex((b, rows) -> new RowChunk.Blocks(rows, blockRows, sets, layout.onlyBlock(b)), true);
        RDD<MultiHotBlock> grouped = byBlock.rdd().coalesce(layout.partitions(), false,
                Option.apply(new InOrder(layout)), null);
        return JavaRDD.fromRDD(grouped, BLOCK).setName(name).persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** Groups numbered blocks into their partitions, in block order: partition p is blocks {@code [first(p), first(p + 1))}. */
    private static final class InOrder implements PartitionCoalescer, Serializable {
        private final BlockKey.Layout layout;

        InOrder(BlockKey.Layout layout) {
            this.layout = layout;
        }

        @Override
        public PartitionGroup[] coalesce(int maxPartitions, RDD<?> parent) {
            Partition[] blocks = parent.partitions();
            PartitionGroup[] groups = new PartitionGroup[layout.partitions()];
            for (int p = 0; p < groups.length; p++) {
                groups[p] = new PartitionGroup(Option.empty());
                for (int b = layout.first(p); b < layout.first(p) + layout.blocks(p); b++) {
                    groups[p].partitions().addOne(blocks[b]);
                }
            }
            return groups;
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
