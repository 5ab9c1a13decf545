package textnet.text;


import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Rows in compressed-sparse-row form: a few arrays instead of an object per row. A row's columns
 * (sorted, distinct) are kept as the varint-coded gaps between them, 7 bits a byte: IMDB's reviews
 * with the tutorials' 10,000 columns take ~1.1 bytes a column (see {@link #bytes()}), whatever the
 * vocabulary's size; their values (count, tf-idf) in 32-bit floats, none when all are 1 (multi-hot).
 * Targets as {@link MultiHotBatch} holds them: a class per row, or (multi-label) each
 * row's classes in {@code labels[labelOffsets[r] .. labelOffsets[r+1])}. Immutable once built;
 * batches are cut from it by a permutation of row numbers.
 */
public final class MultiHotBlock implements Serializable {

    private final int[] labels;
    /** null: single-label, one class per row. */
    private final int[] labelOffsets;
    /** Row r's columns are columns number {@code offsets[r] .. offsets[r+1])} (and so are its values). */
    private final int[] offsets;
    /** Row r's columns, coded: bytes {@code columnBytes[r] .. columnBytes[r+1])} of {@code columns}. */
    private final int[] columnBytes;
    private final byte[] columns;
    /** The columns' values; null when every one is 1. */
    private final float[] values;

    private MultiHotBlock(int[] labels, int[] labelOffsets, int[] offsets, int[] columnBytes, byte[] columns,
                          float[] values) {
        this.labels = labels;
        this.labelOffsets = labelOffsets;
        this.offsets = offsets;
        this.columnBytes = columnBytes;
        this.columns = columns;
        this.values = values;
    }

    /** A single-label block of {@code rows}. */
    public static MultiHotBlock of(Iterator<MultiHotRow> rows) {
        Builder b = new Builder(null);
        while (rows.hasNext()) {
            MultiHotRow row = rows.next();
            b.add(row.label(), row.indices(), row.values(), 0, row.indices().length);
        }
        return b.build();
    }

    /** Rows appended one at a time, straight into the block's arrays. */
    static final class Builder {
        /** null: single-label (a row's label is its class); else what a row's label numbers. */
        private final LabelSets sets;
        private final IntList labels;
        private final IntList labelOffsets;
        private final IntList offsets;
        private final IntList columnBytes;
        private final ColumnBytes indices;
        /** Made by the first row with values (a block's rows all have them, or none does). */
        private float[] values;

        Builder(LabelSets sets) {
            this(1024, 1 << 16, sets);
        }

        /**
         * With the block's final row and column counts, when known: only the coded columns (~1.1 bytes
         * a column, presized at one) may grow.
         */
        Builder(int rows, int columns, LabelSets sets) {
            this.sets = sets;
            labels = new IntList(Math.max(1, rows));
            labelOffsets = sets == null ? null : new IntList(rows + 1);
            offsets = new IntList(rows + 1);
            columnBytes = new IntList(rows + 1);
            indices = new ColumnBytes(Math.max(1, columns));
            offsets.add(0);
            columnBytes.add(0);
            if (labelOffsets != null) {
                labelOffsets.add(0);
            }
        }

        /**
         * A row whose columns are {@code columns[from, to)} with values {@code columnValues[from, to)}
         * (null: all 1), of class {@code label} (single-label) or of the classes of label set number
         * {@code label} (multi-label).
         */
        void add(int label, int[] columns, float[] columnValues, int from, int to) {
            if (sets == null) {
                labels.add(label);
            } else {
                int[] classes = sets.classes(label);
                labels.addAll(classes, 0, classes.length);
                labelOffsets.add(labels.size());
            }
            if (columnValues != null) {
                int at = indices.columns();
                int need = at + to - from;
                if (values == null || values.length < need) {
                    values = values == null ? new float[Math.max(need, 1024)]
                            : Arrays.copyOf(values, Math.max(values.length * 2, need));
                }
                System.arraycopy(columnValues, from, values, at, to - from);
            }
            indices.addRow(columns, from, to);
            offsets.add(indices.columns());
            columnBytes.add(indices.size());
        }

        int size() {
            return offsets.size() - 1;
        }

        MultiHotBlock build() {
            int nnz = indices.columns();
            return new MultiHotBlock(labels.toArray(), labelOffsets == null ? null : labelOffsets.toArray(),
                    offsets.toArray(), columnBytes.toArray(), indices.toArray(),
                    values == null ? null : values.length == nnz ? values : Arrays.copyOf(values, nnz));
        }
    }

    public int size() {
        return offsets.length - 1;
    }

    /** Whether rows have sets of classes ({@link #classes}) rather than one ({@link #label}). */
    public boolean multiLabel() {
        return labelOffsets != null;
    }

    /** Row {@code row}'s class (single-label). */
    public int label(int row) {
        if (labelOffsets != null) {
            throw new IllegalStateException("a multi-label block's rows have sets of classes");
        }
        return labels[row];
    }

    /** Row {@code row}'s classes, sorted (single-label: its one class). */
    public int[] classes(int row) {
        return labelOffsets == null ? new int[]{labels[row]}
                : Arrays.copyOfRange(labels, labelOffsets[row], labelOffsets[row + 1]);
    }

    /** The rows {@code order[from..to)} as one mini-batch. */
    public MultiHotBatch batch(int[] order, int from, int to) {
        return batch(order, from, to, null);
    }

    /**
     * ... with its columns (and values) in {@code reuse}'s arrays when they are long enough (else in
     * new ones a quarter longer than needed). Training cuts a task's batches one after another: reusing
     * the columns (~270 KB for a tutorial batch of 512 IMDB reviews) keeps them from being garbage that
     * the heap grows to hold.
     *
     * @param reuse a batch cut before whose arrays nothing reads any more, or null
     */
    public MultiHotBatch batch(int[] order, int from, int to, MultiHotBatch reuse) {
        int n = to - from;
        int nnz = 0;
        for (int i = from; i < to; i++) {
            nnz += offsets[order[i] + 1] - offsets[order[i]];
        }
        int[] batchOffsets = new int[n + 1];
        int[] batchIndices = reuse != null && reuse.indices().length >= nnz ? reuse.indices()
                : new int[reuse == null ? nnz : nnz + nnz / 4];
        float[] batchValues = values == null ? null : reuse != null && reuse.values() != null
                && reuse.values().length >= nnz ? reuse.values() : new float[batchIndices.length];
        int[] batchLabelOffsets = labelOffsets == null ? null : new int[n + 1];
        int[] batchLabels = new int[labelOffsets == null ? n : labelCount(order, from, to)];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int row = order[from + i];
            int start = offsets[row];
            int len = offsets[row + 1] - start;
            decode(row, len, batchIndices, at);
            if (values != null) {
                System.arraycopy(values, start, batchValues, at, len);
            }
            at += len;
            batchOffsets[i + 1] = at;
            if (labelOffsets == null) {
                batchLabels[i] = labels[row];
            } else {
                int labelCount = labelOffsets[row + 1] - labelOffsets[row];
                System.arraycopy(labels, labelOffsets[row], batchLabels, batchLabelOffsets[i], labelCount);
                batchLabelOffsets[i + 1] = batchLabelOffsets[i] + labelCount;
            }
        }
        return new MultiHotBatch(n, batchOffsets, batchIndices, batchLabels, batchLabelOffsets, batchValues);
    }

    /** Row {@code row}'s {@code len} columns into {@code into[at ..]}: each the previous one plus its gap. */
    private void decode(int row, int len, int[] into, int at) {
        int p = columnBytes[row];
        int column = 0;
        for (int k = 0; k < len; k++) {
            int b = columns[p++];
            int gap = b & 0x7f;
            for (int shift = 7; b < 0; shift += 7) {
                b = columns[p++];
                gap |= (b & 0x7f) << shift;
            }
            column += gap;
            into[at + k] = column;
        }
    }

    private int labelCount(int[] order, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += labelOffsets[order[i] + 1] - labelOffsets[order[i]];
        }
        return count;
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
        return 4L * (labels.length + offsets.length + columnBytes.length + (labelOffsets == null ? 0 : labelOffsets.length)
                + (values == null ? 0 : values.length)) + columns.length;
    }

    /**
     * A block's columns as they are appended, row by row: each row's first column, then the gaps to
     * the next, 7 bits a byte with the top bit set on every byte but a number's last (unsigned LEB128).
     */
    private static final class ColumnBytes {
        private byte[] bytes;
        private int size;
        private int columns;

        ColumnBytes(int capacity) {
            bytes = new byte[capacity];
        }

        /** @throws IllegalArgumentException when the row's columns are not sorted, distinct and ≥ 0 */
        void addRow(int[] row, int from, int to) {
            if (bytes.length - size < 5 * (to - from)) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + 5 * (to - from)));
            }
            int previous = -1;
            for (int k = from; k < to; k++) {
                int column = row[k];
                if (column <= previous) {
                    throw new IllegalArgumentException("a row's columns must be sorted, distinct and non-negative: "
                            + column + " after " + previous);
                }
                int gap = column - Math.max(previous, 0);
                previous = column;
                while ((gap & ~0x7f) != 0) {
                    bytes[size++] = (byte) (gap & 0x7f | 0x80);
                    gap >>>= 7;
                }
                bytes[size++] = (byte) gap;
            }
            columns += to - from;
        }

        /** Bytes written. */
        int size() {
            return size;
        }

        /** Columns written. */
        int columns() {
            return columns;
        }

        byte[] toArray() {
            return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }
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
