package textnet.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cutting mini-batches from a block, into new arrays or into an earlier batch's. */
class MultiHotBlockTest {

    /** Rows of 0 to 39 sorted distinct columns below 500 (with values: 1.5 * column). */
    private static MultiHotBlock block(int rows, boolean withValues, long seed) {
        Random random = new Random(seed);
        List<MultiHotRow> list = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            TreeSet<Integer> columns = new TreeSet<>();
            for (int n = random.nextInt(40); columns.size() < n; ) {
                columns.add(random.nextInt(500));
            }
            int[] indices = columns.stream().mapToInt(Integer::intValue).toArray();
            float[] values = null;
            if (withValues) {
                values = new float[indices.length];
                for (int k = 0; k < values.length; k++) {
                    values[k] = 1.5f * indices[k];
                }
            }
            list.add(new MultiHotRow(random.nextInt(3), indices, values));
        }
        return MultiHotBlock.of(list.iterator());
    }

    /**
     * Columns are kept in 16 bits until one needs more: then every column of the block in 32 (also when
     * that column comes in the middle of a row, after the arrays have grown), each as it was added.
     */
    @Test
    void aColumnPast16BitsWidensTheWholeBlockAndKeepsEveryColumn() {
        Random random = new Random(5);
        for (int wideRow : new int[] {-1, 0, 1_500}) {
            List<MultiHotRow> rows = new ArrayList<>();
            for (int r = 0; r < 2_000; r++) { // ~100,000 columns: past the builder's first 65,536
                TreeSet<Integer> columns = new TreeSet<>();
                while (columns.size() < 30 + random.nextInt(40)) {
                    columns.add(random.nextInt(65_536));
                }
                if (r == wideRow) {
                    columns.add(65_536);
                    columns.add(1 << 20);
                }
                rows.add(new MultiHotRow(r % 2, columns.stream().mapToInt(Integer::intValue).toArray()));
            }
            MultiHotBlock block = MultiHotBlock.of(rows.iterator());
            MultiHotBatch all = block.batch(0, block.size());
            long columns = 0;
            for (int r = 0; r < rows.size(); r++) {
                assertArrayEquals(rows.get(r).indices(),
                        Arrays.copyOfRange(all.indices(), all.rowOffsets()[r], all.rowOffsets()[r + 1]), "row " + r);
                columns += rows.get(r).indices().length;
            }
            long otherArrays = 4L * (rows.size() + rows.size() + 1); // labels and offsets
            assertEquals((wideRow < 0 ? 2 : 4) * columns + otherArrays, block.bytes(), "wide row " + wideRow);
        }
    }

    /**
     * Each batch cut into the previous one's arrays holds exactly the rows of the same batch cut into
     * new arrays; the arrays are reused while long enough, and replaced by longer ones otherwise.
     */
    @Test
    void aBatchCutIntoAnEarlierOnesArraysHoldsTheSameRows() {
        for (boolean withValues : new boolean[] {false, true}) {
            MultiHotBlock block = block(300, withValues, 11);
            List<Integer> shuffled = new ArrayList<>();
            for (int r = 0; r < block.size(); r++) {
                shuffled.add(r);
            }
            java.util.Collections.shuffle(shuffled, new Random(3));
            int[] order = shuffled.stream().mapToInt(Integer::intValue).toArray();
            MultiHotBatch previous = null;
            int reused = 0;
            int grown = 0;
            for (int from = 0; from < order.length; from += 16) {
                int to = Math.min(order.length, from + 16);
                MultiHotBatch fresh = block.batch(order, from, to);
                MultiHotBatch cut = block.batch(order, from, to, previous);
                int nnz = fresh.nonZeros();
                assertEquals(nnz, fresh.indices().length, "a batch without reuse has arrays of its own size");
                assertEquals(fresh.size(), cut.size());
                assertArrayEquals(fresh.rowOffsets(), cut.rowOffsets());
                assertArrayEquals(fresh.labels(), cut.labels());
                assertArrayEquals(fresh.indices(), Arrays.copyOf(cut.indices(), nnz), "from row " + from);
                assertEquals(withValues, cut.values() != null);
                if (withValues) {
                    assertArrayEquals(fresh.values(), Arrays.copyOf(cut.values(), nnz), "from row " + from);
                    assertTrue(cut.values().length >= cut.indices().length);
                }
                if (previous != null) {
                    if (previous.indices().length >= nnz) {
                        assertSame(previous.indices(), cut.indices(), "long enough: reused");
                        reused++;
                    } else {
                        assertTrue(cut.indices().length > nnz, "a new array, a quarter longer than needed");
                        grown++;
                    }
                }
                previous = cut;
            }
            assertTrue(reused > 0 && grown > 0, "both cases: " + reused + " reused, " + grown + " grown");
        }
    }
}
