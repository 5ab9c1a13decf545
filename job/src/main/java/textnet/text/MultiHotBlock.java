package textnet.text;


import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Rows in compressed-sparse-row form: a few arrays instead of an object per row. The columns are
 * kept in 16 bits when every one is below 65,536 (any vocabulary of up to 65,536 tokens, the
 * tutorials' 10,000 included), so a cached row costs ~2 bytes per active column (see {@link #bytes()}),
 * else in 32. Immutable once built; batches are cut from it by a permutation of row numbers.
 */
public final class MultiHotBlock implements Serializable {

    private final int[] labels;
    private final int[] offsets;
    /** The columns: one of the two is null. */
    private final char[] narrow;
    private final int[] wide;

    private MultiHotBlock(int[] labels, int[] offsets, int[] indices) {
        this.labels = labels;
        this.offsets = offsets;
        boolean fits = true;
        for (int c : indices) {
            if (c > Character.MAX_VALUE) {
                fits = false;
                break;
            }
        }
        if (fits) {
            char[] cs = new char[indices.length];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = (char) indices[i];
            }
            this.narrow = cs;
            this.wide = null;
        } else {
            this.narrow = null;
            this.wide = indices;
        }
    }

    public static MultiHotBlock of(Iterator<MultiHotRow> rows) {
        Builder b = new Builder();
        while (rows.hasNext()) {
            MultiHotRow row = rows.next();
            b.add(row.label(), row.indices(), 0, row.indices().length);
        }
        return b.build();
    }

    /** Rows appended one at a time, straight into the block's arrays. */
    static final class Builder {
        private final IntList labels;
        private final IntList offsets;
        private final IntList indices;

        Builder() {
            this(1024, 1 << 16);
        }

        /** With the block's final row and column counts, when known: no array grows or is copied. */
        Builder(int rows, int columns) {
            labels = new IntList(Math.max(1, rows));
            offsets = new IntList(rows + 1);
            indices = new IntList(Math.max(1, columns));
            offsets.add(0);
        }

        /** A row of class {@code label} whose columns are {@code columns[from, to)}. */
        void add(int label, int[] columns, int from, int to) {
            labels.add(label);
            indices.addAll(columns, from, to);
            offsets.add(indices.size());
        }

        int size() {
            return labels.size();
        }

        MultiHotBlock build() {
            return new MultiHotBlock(labels.toArray(), offsets.toArray(), indices.toArray());
        }
    }

    public int size() {
        return labels.length;
    }

    public int label(int row) {
        return labels[row];
    }

    /** The rows {@code order[from..to)} as one mini-batch. */
    public MultiHotBatch batch(int[] order, int from, int to) {
        int n = to - from;
        int nnz = 0;
        for (int i = from; i < to; i++) {
            nnz += offsets[order[i] + 1] - offsets[order[i]];
        }
        int[] batchOffsets = new int[n + 1];
        int[] batchIndices = new int[nnz];
        int[] batchLabels = new int[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int row = order[from + i];
            int start = offsets[row];
            int len = offsets[row + 1] - start;
            if (narrow != null) {
                for (int k = 0; k < len; k++) {
                    batchIndices[at + k] = narrow[start + k];
                }
            } else {
                System.arraycopy(wide, start, batchIndices, at, len);
            }
            at += len;
            batchOffsets[i + 1] = at;
            batchLabels[i] = labels[row];
        }
        return new MultiHotBatch(n, batchOffsets, batchIndices, batchLabels);
    }

    /** Rows {@code [from, to)} in stored order, for evaluation. */
    public MultiHotBatch batch(int from, int to) {
        int[] order = new int[to - from];
        for (int i = 0; i < order.length; i++) {
            order[i] = from + i;
        }
        return batch(order, 0, order.length);
    }

    /** Heap bytes held by the arrays (what caching this block costs, object headers aside). */
    public long bytes() {
        return 4L * (labels.length + offsets.length) + (narrow != null ? 2L * narrow.length : 4L * wide.length);
    }

    /** Growable int array: rows are appended without boxing. */
    private static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[capacity];
        }

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }

        void addAll(int[] vs, int from, int to) {
            int n = to - from;
            if (size + n > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + n));
            }
            System.arraycopy(vs, from, values, size, n);
            size += n;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return size == values.length ? values : Arrays.copyOf(values, size);
        }
    }
}
