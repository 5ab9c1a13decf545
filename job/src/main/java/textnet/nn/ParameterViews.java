package textnet.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Per-layer views into one flat parameter (or gradient) vector: {@code W_l} as {@code inputs x units}
 * and {@code b_l} as {@code 1 x units}, sharing the vector's memory, so gemm can read the weights and
 * write the gradient in place. Views cost a few JNI calls to make, so the network keeps the views of
 * the vector it saw last and reuses them while the caller passes the same array.
 */
final class ParameterViews {
    private final INDArray source;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final HostValues firstWeights;
    private final HostValues[] biasValues;

    private ParameterViews(NetworkSpec spec, INDArray source) {
        if (source.length() != spec.parameterCount()) {
            throw new IllegalArgumentException("expected " + spec.parameterCount() + " parameters, got "
                    + source.length());
        }
        this.source = source;
        INDArray flat = source.reshape(source.length());
        int layers = spec.layers().size();
        weights = new INDArray[layers];
        biases = new INDArray[layers];
        biasValues = new HostValues[layers];
        for (int l = 0; l < layers; l++) {
            DenseSpec layer = spec.layers().get(l);
            long w = spec.weightOffset(l);
            long b = spec.biasOffset(l);
            weights[l] = flat.get(NDArrayIndex.interval(w, b)).reshape('c', layer.inputs(), layer.units());
            biases[l] = flat.get(NDArrayIndex.interval(b, b + layer.units())).reshape('c', 1, layer.units());
            biasValues[l] = HostValues.of(biases[l]);
        }
        firstWeights = HostValues.of(weights[0]);
    }

    /** Views of {@code array}, reusing {@code previous} when it was made for the same array. */
    static ParameterViews of(NetworkSpec spec, INDArray array, ParameterViews previous) {
        return previous != null && previous.source == array ? previous : new ParameterViews(spec, array);
    }

    INDArray weights(int layer) {
        return weights[layer];
    }

    /** Host access to {@code W0}, read and written row by row by the sparse input layer. */
    HostValues firstWeights() {
        return firstWeights;
    }

    HostValues firstBiases() {
        return biasValues[0];
    }

    /** Host access to {@code b_l}: biases are added, and their gradient summed, on the host (HostRows). */
    HostValues biasValues(int layer) {
        return biasValues[layer];
    }
}
