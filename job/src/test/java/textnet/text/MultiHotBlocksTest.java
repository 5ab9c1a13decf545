package textnet.text;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import textnet.SparkTestSupport;
import textnet.data.IdPartitioner;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dealing rows into blocks holds one block's rows at a time: every block is a shuffle partition of
 * its own, read and built by itself, and the replicas' partitions are their blocks in order.
 */
class MultiHotBlocksTest {

    @Test
    void eachBlockIsBuiltFromItsOwnRowsOnly() {
        int replicas = 3;
        int blockRows = 40;
        int rows = 1000;
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkTestSupport.spark().sparkContext());
        List<Tuple2<String, MultiHotRow>> byId = new ArrayList<>();
        long[] rowsOf = new long[replicas];
        for (int i = 0; i < rows; i++) { // a row's label is its number, so that blocks tell which rows they hold
            String id = "doc-" + i;
            byId.add(new Tuple2<>(id, new MultiHotRow(i, new int[] {i % 7, 7 + i % 5})));
            rowsOf[IdPartitioner.partitionOf(id, replicas)]++;
        }
        BlockKey.Layout layout = BlockKey.Layout.of(rowsOf, blockRows);
        JavaRDD<MultiHotBlock> dealt = MultiHotBlocks.deal(sc.parallelizePairs(byId, 4), replicas, blockRows, "rows");
        try {
            RDD<?> byBlock = dealt.rdd().dependencies().head().rdd(); // what the replicas' partitions are grouped from
            assertEquals(layout.blockCount(), byBlock.getNumPartitions(), "one partition per block");
            assertTrue(layout.blockCount() > 2 * replicas, "several blocks per replica: " + layout.blockCount());
            @SuppressWarnings("unchecked")
            List<List<MultiHotBlock>> blocks = JavaRDD.fromRDD((RDD<MultiHotBlock>) byBlock,
                    scala.reflect.ClassTag$.MODULE$.apply(MultiHotBlock.class)).glom().collect();
            List<List<MultiHotBlock>> replicasBlocks = dealt.glom().collect();
            int seen = 0;
            for (int b = 0; b < blocks.size(); b++) {
                int replica = layout.partitionOf(b);
                for (MultiHotBlock block : blocks.get(b)) {
                    for (int r = 0; r < block.size(); r++) {
                        String id = "doc-" + block.label(r);
                        assertEquals(replica, IdPartitioner.partitionOf(id, replicas), id + "'s replica");
                        assertEquals(b - layout.first(replica), BlockKey.blockOf(id, layout.blocks(replica)),
                                id + " is in its own block, and that block holds no other's rows");
                        seen++;
                    }
                }
            }
            assertEquals(rows, seen, "every row once");
            for (int replica = 0; replica < replicas; replica++) {
                List<Integer> inOrder = new ArrayList<>();
                for (int b = layout.first(replica); b < layout.first(replica) + layout.blocks(replica); b++) {
                    blocks.get(b).forEach(block -> inOrder.add(block.size()));
                }
                assertEquals(inOrder, replicasBlocks.get(replica).stream().map(MultiHotBlock::size).toList(),
                        "replica " + replica + " is its blocks, in order");
            }
        } finally {
            dealt.unpersist(false);
        }
    }
}
