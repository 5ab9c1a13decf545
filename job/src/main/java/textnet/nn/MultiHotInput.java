package textnet.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The first layer's product with multi-hot rows, in plain Java. A row with ones at {@code idx} gives
 * {@code x W0 = sum of W0's rows idx}, so the forward pass gathers about 130 rows of {@code W0}
 * instead of multiplying by 10,000 mostly-zero inputs, and the backward pass adds each row's delta
 * into only those rows of {@code dW0}. ND4J's segment-sum and pullRows ops were ~300x slower for this.
 *
 * <p>For FLOAT (training) the loops run over a Java copy of {@code W0} / {@code dW0}, moved with one
 * bulk copy each way: the JIT vectorises loops over a {@code float[]}, not over a direct buffer's
 * {@code get(i)}. DOUBLE (gradient checks) goes element by element, the same arithmetic.
 */
final class MultiHotInput {
    private final int inputs;
    private final int units;
    private final float[] weights;
    private final float[] rowSum;

    MultiHotInput(int inputs, int units) {
        this.inputs = inputs;
        this.units = units;
        this.weights = new float[Math.multiplyExact(inputs, units)];
        this.rowSum = new float[units];
    }

    /** {@code z[r] = b0 + sum over r's indices i of W0[i]}. */
    void forward(MultiHotBatch batch, HostValues w0, HostValues b0, HostValues z) {
        if (!w0.isFloat()) {
            forwardAnyType(batch, w0, b0, z);
            return;
        }
        w0.floats().get(w0.offset(), weights, 0, weights.length);
        float[] sum = rowSum;
        for (int r = 0; r < batch.size(); r++) {
            for (int u = 0; u < units; u++) {
                sum[u] = (float) b0.get(u);
            }
            for (int k = batch.rowOffsets()[r]; k < batch.rowOffsets()[r + 1]; k++) {
                int row = checkedIndex(batch.indices()[k]) * units;
                for (int u = 0; u < units; u++) {
                    sum[u] += weights[row + u];
                }
            }
            for (int u = 0; u < units; u++) {
                z.set(r * units + u, sum[u]);
            }
        }
    }

    /**
     * Writes {@code dW0}: the sum of the deltas of the rows that contain index i into its row i,
     * zero into the rows no input row touches.
     */
    void backward(MultiHotBatch batch, HostValues delta, HostValues dW0) {
        if (!dW0.isFloat()) {
            backwardAnyType(batch, delta, dW0);
            return;
        }
        float[] gradient = weights; // free again once forward is done
        Arrays.fill(gradient, 0);
        float[] rowDelta = rowSum;
        for (int r = 0; r < batch.size(); r++) {
            for (int u = 0; u < units; u++) {
                rowDelta[u] = (float) delta.get(r * units + u);
            }
            for (int k = batch.rowOffsets()[r]; k < batch.rowOffsets()[r + 1]; k++) {
                int row = batch.indices()[k] * units;
                for (int u = 0; u < units; u++) {
                    gradient[row + u] += rowDelta[u];
                }
            }
        }
        dW0.floats().put(dW0.offset(), gradient, 0, gradient.length);
    }

    private void forwardAnyType(MultiHotBatch batch, HostValues w0, HostValues b0, HostValues z) {
        double[] sum = new double[units];
        for (int r = 0; r < batch.size(); r++) {
            for (int u = 0; u < units; u++) {
                sum[u] = b0.get(u);
            }
            for (int k = batch.rowOffsets()[r]; k < batch.rowOffsets()[r + 1]; k++) {
                int row = checkedIndex(batch.indices()[k]) * units;
                for (int u = 0; u < units; u++) {
                    sum[u] += w0.get(row + u);
                }
            }
            for (int u = 0; u < units; u++) {
                z.set(r * units + u, sum[u]);
            }
        }
    }

    private void backwardAnyType(MultiHotBatch batch, HostValues delta, HostValues dW0) {
        for (int i = 0; i < dW0.length(); i++) {
            dW0.set(i, 0);
        }
        for (int r = 0; r < batch.size(); r++) {
            for (int k = batch.rowOffsets()[r]; k < batch.rowOffsets()[r + 1]; k++) {
                int row = batch.indices()[k] * units;
                for (int u = 0; u < units; u++) {
                    dW0.set(row + u, dW0.get(row + u) + delta.get(r * units + u));
                }
            }
        }
    }

    /** Expands the rows into a zeroed dense {@code rows x inputs} matrix (the dense input path). */
    void expand(MultiHotBatch batch, HostValues dense) {
        for (int r = 0; r < batch.size(); r++) {
            for (int k = batch.rowOffsets()[r]; k < batch.rowOffsets()[r + 1]; k++) {
                dense.set(r * inputs + checkedIndex(batch.indices()[k]), 1);
            }
        }
    }

    /** An index past the vocabulary would silently read the biases that follow W0. */
    private int checkedIndex(int index) {
        if (index < 0 || index >= inputs) {
            throw new IllegalArgumentException("multi-hot index " + index + " outside 0.." + (inputs - 1));
        }
        return index;
    }
}
