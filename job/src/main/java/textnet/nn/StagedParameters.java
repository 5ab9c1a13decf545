package textnet.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.FloatBuffer;

/**
 * ND4J copies of the parameters the gemms read and of the gradients they write. Training keeps its
 * parameters in a heap array for a whole partition-epoch and the multi-hot first layer reads and
 * writes {@code W0} there directly; only the values from {@code from} on (a few thousand after W0)
 * are copied in before a pass and their gradient out after it, instead of all P values each step.
 * Layers take views of these arrays once, when the network is built: views cost a few JNI calls.
 */
final class StagedParameters {
    private final INDArray params;
    private final INDArray grads;
    private final FloatBuffer paramValues;
    private final FloatBuffer gradValues;
    private int from;
    private int count;

    StagedParameters(int parameterCount) {
        params = Nd4j.create(DataType.FLOAT, 1, parameterCount);
        grads = Nd4j.create(DataType.FLOAT, 1, parameterCount);
        paramValues = HostValues.of(params).floats();
        gradValues = HostValues.of(grads).floats();
        copyFrom(0);
    }

    /** Copies only {@code [from, P)}: the layers read the values before it from the heap. */
    void copyFrom(int from) {
        this.from = Math.min(from, Math.toIntExact(params.length()));
        this.count = Math.toIntExact(params.length()) - this.from;
    }

    void loadParameters(float[] heap) {
        paramValues.put(from, heap, from, count);
    }

    void storeGradient(float[] heap) {
        gradValues.get(from, heap, from, count);
    }

    /** {@code rows x cols}, row-major, at {@code offset}: a kernel. */
    INDArray paramMatrix(int offset, int rows, int cols) {
        return matrix(params, offset, rows, cols);
    }

    INDArray gradMatrix(int offset, int rows, int cols) {
        return matrix(grads, offset, rows, cols);
    }

    /** Host access to {@code n} values at {@code offset}: biases are added, and their gradient summed, on the host. */
    HostValues paramRow(int offset, int n) {
        return HostValues.of(matrix(params, offset, 1, n));
    }

    HostValues gradRow(int offset, int n) {
        return HostValues.of(matrix(grads, offset, 1, n));
    }

    private static INDArray matrix(INDArray vector, long offset, int rows, int cols) {
        INDArray flat = vector.reshape(vector.length());
        return flat.get(NDArrayIndex.interval(offset, offset + (long) rows * cols)).reshape('c', rows, cols);
    }
}
