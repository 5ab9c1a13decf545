package textnet.optim;

/**
 * Which part of a gradient a sparse first layer wrote: in the block of {@code totalRows x width}
 * values at {@code offset} (W0), only {@code rows} (sorted, distinct) hold this step's gradient; the
 * block's other rows were not touched by the batch, their gradient is zero and their memory stale.
 */
public record SparseRows(int offset, int width, int totalRows, int[] rows) {

    public int end() {
        return offset + width * totalRows;
    }

    /** Zeroes the untouched rows, for rules that must see the whole gradient. */
    void zeroUntouched(float[] grad) {
        int next = 0;
        for (int r = 0; r < totalRows; r++) {
            if (next < rows.length && rows[next] == r) {
                next++;
            } else {
                java.util.Arrays.fill(grad, offset + r * width, offset + (r + 1) * width, 0f);
            }
        }
    }
}
