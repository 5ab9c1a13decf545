package textnet.text;

/**
 * A mini-batch of sparse rows in CSR form: row {@code r} has non-zeros at
 * {@code indices[rowOffsets[r] .. rowOffsets[r+1])} (sorted, distinct), the values at the same
 * places of {@code values} (count, tf-idf) or ones when {@code values} is null (multi-hot), and its target: class
 * {@code labels[r]} (single-label: {@code labelOffsets} is null), or the classes
 * {@code labels[labelOffsets[r] .. labelOffsets[r+1])} (multi-label; sorted, distinct, maybe none).
 * {@code indices} and {@code values} may run on past {@code rowOffsets[size]} (arrays a training task
 * reuses from batch to batch: {@link MultiHotBlock#batch(int[], int, int, MultiHotBatch)}); the batch
 * is what the offsets bound.
 * This is the network's only input type: the sparse path reads the indices directly, the dense
 * path expands them into a {@code size x inputSize} matrix.
 */
public record MultiHotBatch(int size, int[] rowOffsets, int[] indices, int[] labels, int[] labelOffsets,
                            float[] values) {
    public MultiHotBatch {
        if (rowOffsets.length != size + 1 || (labelOffsets == null ? labels.length != size
                : labelOffsets.length != size + 1 || labels.length != labelOffsets[size])) {
            throw new IllegalArgumentException("batch of " + size + " rows needs " + (size + 1)
                    + " offsets and " + size + " targets");
        }
        if (indices.length < rowOffsets[size] || values != null && values.length < rowOffsets[size]) {
            throw new IllegalArgumentException("batch of " + rowOffsets[size] + " non-zeros in " + indices.length
                    + " indices and " + (values == null ? "no" : values.length) + " values");
        }
    }

    /** A multi-hot batch (every value 1). */
    public MultiHotBatch(int size, int[] rowOffsets, int[] indices, int[] labels, int[] labelOffsets) {
        this(size, rowOffsets, indices, labels, labelOffsets, null);
    }

    /** A single-label multi-hot batch: row {@code r} is of class {@code labels[r]}. */
    public MultiHotBatch(int size, int[] rowOffsets, int[] indices, int[] labels) {
        this(size, rowOffsets, indices, labels, null, null);
    }

    /** Whether each row has a set of classes ({@link #labelsFrom}) rather than one ({@code labels[r]}). */
    public boolean multiLabel() {
        return labelOffsets != null;
    }

    /** Multi-label: row {@code r}'s classes are {@code labels[labelsFrom(r) .. labelsFrom(r + 1))}. */
    public int labelsFrom(int r) {
        return labelOffsets[r];
    }

    /**
     * Rows to predict, one after another; labels 0, never read (single-label form). The batch has
     * values when any row has.
     */
    public static MultiHotBatch unlabelled(java.util.List<DocVector> rows) {
        int[] offsets = new int[rows.size() + 1];
        boolean anyValues = false;
        for (int i = 0; i < rows.size(); i++) {
            offsets[i + 1] = offsets[i] + rows.get(i).indices().length;
            anyValues |= rows.get(i).values() != null;
        }
        int[] indices = new int[offsets[rows.size()]];
        float[] values = anyValues ? new float[indices.length] : null;
        for (int i = 0; i < rows.size(); i++) {
            DocVector row = rows.get(i);
            System.arraycopy(row.indices(), 0, indices, offsets[i], row.indices().length);
            if (values != null) {
                if (row.values() != null) {
                    System.arraycopy(row.values(), 0, values, offsets[i], row.indices().length);
                } else {
                    java.util.Arrays.fill(values, offsets[i], offsets[i + 1], 1f);
                }
            }
        }
        return new MultiHotBatch(rows.size(), offsets, indices, new int[rows.size()], null, values);
    }

    /** The value at position {@code k} of {@link #indices}. */
    public float value(int k) {
        return values == null ? 1f : values[k];
    }

    /** The distinct indices of all rows, sorted: the first-layer rows this batch touches. */
    public int[] distinctIndices(int inputSize) {
        boolean[] seen = new boolean[inputSize];
        int count = 0;
        for (int k = rowOffsets[0]; k < rowOffsets[size]; k++) {
            if (!seen[indices[k]]) {
                seen[indices[k]] = true;
                count++;
            }
        }
        int[] distinct = new int[count];
        for (int i = 0, at = 0; at < count; i++) {
            if (seen[i]) {
                distinct[at++] = i;
            }
        }
        return distinct;
    }

    public int nonZeros() {
        return rowOffsets[size] - rowOffsets[0];
    }
}
