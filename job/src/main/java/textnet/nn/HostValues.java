package textnet.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Plain-Java element access to a contiguous row-major ND4J array through a direct NIO view of its
 * host memory. Per-element {@code getFloat/putScalar} cross JNI on every call; this does not, which is
 * what makes the sparse first layer and the losses cheap. {@code asNio()} covers the whole underlying
 * buffer, so indices are shifted by the array's own offset (views into a flat parameter vector).
 * Double arrays are read too: the losses are the same code when the tests check them in double
 * precision (ReferenceNetwork).
 */
final class HostValues {
    /**
     * The NIO buffer does not keep ND4J's native memory alive; without this reference a collected
     * array's memory is freed under the view (a crash in native code, not an exception).
     */
    private final INDArray owner;
    private final FloatBuffer floats;
    private final DoubleBuffer doubles;
    private final int offset;
    private final int length;

    private HostValues(INDArray owner, FloatBuffer floats, DoubleBuffer doubles, int offset, int length) {
        this.owner = owner;
        this.floats = floats;
        this.doubles = doubles;
        this.offset = offset;
        this.length = length;
    }

    static HostValues of(INDArray array) {
        // a vector's order flag is arbitrary (a rank-1 view may say 'f'); a matrix must be row-major
        boolean rowMajor = array.ordering() == 'c' || array.isVector() || array.rank() <= 1;
        if (!rowMajor || array.length() > 1 && array.elementWiseStride() != 1) {
            throw new IllegalArgumentException("needs a contiguous row-major array, got " + array.shapeInfoToString());
        }
        var bytes = array.data().asNio().order(ByteOrder.nativeOrder());
        int offset = Math.toIntExact(array.offset());
        int length = Math.toIntExact(array.length());
        return switch (array.dataType()) {
            case FLOAT -> new HostValues(array, bytes.asFloatBuffer(), null, offset, length);
            case DOUBLE -> new HostValues(array, null, bytes.asDoubleBuffer(), offset, length);
            default -> throw new IllegalArgumentException("float or double arrays only, got " + array.dataType());
        };
    }

    /** The raw buffer for type-specialised hot loops; index it from {@link #offset()}. */
    FloatBuffer floats() {
        return floats;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }

    double get(int i) {
        return floats != null ? floats.get(offset + i) : doubles.get(offset + i);
    }

    void set(int i, double v) {
        if (floats != null) {
            floats.put(offset + i, (float) v);
        } else {
            doubles.put(offset + i, v);
        }
    }
}
