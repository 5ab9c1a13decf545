package textnet.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything a forward/backward pass over {@code rows} rows writes, allocated once per batch size:
 * creating ND4J arrays costs more than the small gemms of this network, so a step allocates nothing.
 * Per layer: its activations (pre-activations first, overwritten in place), its delta
 * ({@code dLoss/dz}) and a scratch array for activation derivatives.
 */
final class BatchBuffers {
    final int rows;
    private final INDArray[] activations;
    private final INDArray[] deltas;
    private final INDArray[] scratch;
    private final HostValues[] activationValues;
    private final HostValues[] deltaValues;
    /** The expanded {@code rows x inputSize} multi-hot matrix; only on the dense input path. */
    final INDArray denseInput;
    final HostValues denseInputValues;

    BatchBuffers(NetworkSpec spec, int rows) {
        this.rows = rows;
        int layers = spec.layers().size();
        activations = new INDArray[layers];
        deltas = new INDArray[layers];
        scratch = new INDArray[layers];
        activationValues = new HostValues[layers];
        deltaValues = new HostValues[layers];
        for (int l = 0; l < layers; l++) {
            int units = spec.layers().get(l).units();
            activations[l] = Nd4j.create(DataType.FLOAT, rows, units);
            deltas[l] = Nd4j.create(DataType.FLOAT, rows, units);
            scratch[l] = Nd4j.create(DataType.FLOAT, rows, units);
            activationValues[l] = HostValues.of(activations[l]);
            deltaValues[l] = HostValues.of(deltas[l]);
        }
        denseInput = spec.sparseInput() ? null : Nd4j.create(DataType.FLOAT, rows, spec.inputSize());
        denseInputValues = denseInput == null ? null : HostValues.of(denseInput);
    }

    INDArray activation(int layer) {
        return activations[layer];
    }

    INDArray delta(int layer) {
        return deltas[layer];
    }

    INDArray scratch(int layer) {
        return scratch[layer];
    }

    HostValues activationValues(int layer) {
        return activationValues[layer];
    }

    HostValues deltaValues(int layer) {
        return deltaValues[layer];
    }
}
