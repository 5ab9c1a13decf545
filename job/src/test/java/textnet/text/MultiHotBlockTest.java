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
     * Columns are kept as varint gaps: every column comes back as it was added, whatever its size (0,
     * each byte-length boundary, the largest int) or its gap, and the block costs one byte a gap below
     * 128, two below 16,384, and so on; rows that are not sorted and distinct are refused.
     */
    @Test
    void columnsComeBackExactlyAndCostOneByteASmallGap() {
        int[][] rows = {
                {},
                {0},
                {0, 1, 2, 127, 128, 255, 16_383, 16_384, 16_511},
                {5, 2_097_151, 2_097_152, 268_435_455, 268_435_456, Integer.MAX_VALUE},
                {Integer.MAX_VALUE},
        };
        long gapBytes = 0;
        List<MultiHotRow> list = new ArrayList<>();
        for (int[] row : rows) {
            int previous = 0;
            for (int column : row) {
                int gap = column - previous;
                previous = column;
                gapBytes += gap < 1 << 7 ? 1 : gap < 1 << 14 ? 2 : gap < 1 << 21 ? 3 : gap < 1 << 28 ? 4 : 5;
            }
            list.add(new MultiHotRow(0, row));
        }
        Random random = new Random(5);
        for (int r = 0; r < 2_000; r++) { // ~100,000 columns: past the builder's first arrays
            TreeSet<Integer> columns = new TreeSet<>();
            while (columns.size() < 30 + random.nextInt(40)) {
                columns.add(random.nextInt(10_000));
            }
            int[] row = columns.stream().mapToInt(Integer::intValue).toArray();
            int previous = 0;
            for (int column : row) {
                gapBytes += column - previous < 128 ? 1 : 2;
                previous = column;
            }
            list.add(new MultiHotRow(r % 2, row));
        }
        MultiHotBlock block = MultiHotBlock.of(list.iterator());
        MultiHotBatch all = block.batch(0, block.size());
        for (int r = 0; r < list.size(); r++) {
            assertArrayEquals(list.get(r).indices(),
                    Arrays.copyOfRange(all.indices(), all.rowOffsets()[r], all.rowOffsets()[r + 1]), "row " + r);
        }
        long otherArrays = 4L * (list.size() + 2 * (list.size() + 1)); // labels, offsets and byte offsets
        assertEquals(gapBytes + otherArrays, block.bytes());
        for (int[] bad : new int[][] {{3, 3}, {4, 2}, {-1}}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> MultiHotBlock.of(List.of(new MultiHotRow(0, bad)).iterator()));
            assertTrue(e.getMessage().contains("sorted, distinct and non-negative"), e.getMessage());
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
