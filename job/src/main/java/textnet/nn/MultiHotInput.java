package textnet.nn;

/**
 * The first layer's product with multi-hot rows, in plain Java. A row with ones at {@code idx} gives
 * {@code x W0 = sum of W0's rows idx}, so the forward pass gathers about 130 rows of {@code W0}
 * instead of multiplying by 10,000 mostly-zero inputs, and the backward pass adds each row's delta
 * into only those rows of {@code dW0}. ND4J's segment-sum and pullRows ops were ~300x slower for this.
 */
final class MultiHotInput {
    private MultiHotInput() {
    }

    /** {@code z[r] = b0 + sum over r's indices i of W0[i]}. */
    static void forward(MultiHotBatch batch, HostValues w0, HostValues b0, int inputs, int units, HostValues z) {
        double[] sum = new double[units];
        for (int r = 0; r < batch.size(); r++) {
            for (int u = 0; u < units; u++) {
                sum[u] = b0.get(u);
            }
            for (int k = batch.rowOffsets()[r]; k < batch.rowOffsets()[r + 1]; k++) {
                int row = checkedIndex(batch.indices()[k], inputs) * units;
                for (int u = 0; u < units; u++) {
                    sum[u] += w0.get(row + u);
                }
            }
            for (int u = 0; u < units; u++) {
                z.set(r * units + u, sum[u]);
            }
        }
    }

    /** {@code dW0[i] += delta[r]} for each index i of row r; {@code dW0} must be zeroed first. */
    static void backward(MultiHotBatch batch, HostValues delta, int units, HostValues dW0) {
        double[] rowDelta = new double[units];
        for (int r = 0; r < batch.size(); r++) {
            for (int u = 0; u < units; u++) {
                rowDelta[u] = delta.get(r * units + u);
            }
            for (int k = batch.rowOffsets()[r]; k < batch.rowOffsets()[r + 1]; k++) {
                int row = batch.indices()[k] * units;
                for (int u = 0; u < units; u++) {
                    dW0.set(row + u, dW0.get(row + u) + rowDelta[u]);
                }
            }
        }
    }

    /** Expands the rows into a zeroed dense {@code rows x inputs} matrix (the dense input path). */
    static void expand(MultiHotBatch batch, int inputs, HostValues dense) {
        for (int r = 0; r < batch.size(); r++) {
            for (int k = batch.rowOffsets()[r]; k < batch.rowOffsets()[r + 1]; k++) {
                dense.set(r * inputs + checkedIndex(batch.indices()[k], inputs), 1);
            }
        }
    }

    /** An index past the vocabulary would silently read the biases that follow W0. */
    private static int checkedIndex(int index, int inputs) {
        if (index < 0 || index >= inputs) {
            throw new IllegalArgumentException("multi-hot index " + index + " outside 0.." + (inputs - 1));
        }
        return index;
    }
}
