package textnet.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * A fully connected layer, {@code a = f(x W + b)}, its block {@code W} ({@code inputs x units},
 * row-major, Keras's kernel) then {@code b}. The subclasses differ only in how they read their input
 * and so compute {@code x W} and {@code dW}: from the multi-hot indices ({@link MultiHotDense}), from
 * the expanded multi-hot matrix ({@link ExpandedInputDense}) or from the layer below ({@link Dense}).
 * Bias, relu and their gradients run on the host ({@link HostRows}: a native call costs more than
 * these loops); other activations through ND4J.
 */
abstract class DenseLayer implements Layer {
    final int index;
    final DenseSpec shape;
    final int offset;
    /** Null for the output of a fused loss, which keeps its logits (see Loss). */
    private final Activation applied;
    /** Null for the output layer: the loss step takes its outputs' derivative. */
    private final Activation differentiated;
    final HostValues bias;
    final HostValues biasGrad;

    DenseLayer(LayerPlace place, DenseSpec shape, StagedParameters staged) {
        this.index = place.index();
        this.shape = shape;
        this.offset = place.offset();
        this.applied = place.keepsLogits() ? null : shape.activation();
        this.differentiated = place.output() ? null : shape.activation();
        this.bias = staged.paramRow(biasOffset(), shape.units());
        this.biasGrad = staged.gradRow(biasOffset(), shape.units());
    }

    @Override
    public int offset() {
        return offset;
    }

    @Override
    public int parameterCount() {
        return Math.toIntExact(shape.parameterCount());
    }

    final int biasOffset() {
        return offset + Math.toIntExact(shape.weightCount());
    }

    /**
     * Glorot-uniform weights, {@code U(-sqrt(6/(in+out)), +sqrt(6/(in+out)))} (Keras's Dense default),
     * and zero biases; drawn in Java so that a seed gives the same vector everywhere.
     */
    @Override
    public void initialize(float[] params, SplittableRandom random) {
        double limit = Math.sqrt(6.0 / (shape.inputs() + shape.units()));
        for (int i = 0; i < shape.weightCount(); i++) {
            params[offset + i] = (float) random.nextDouble(-limit, limit);
        }
    }

    /** {@code z = x W + b} into {@code activation(index)}, then {@code a = f(z)} in place. */
    @Override
    public final void forward(LayerPass pass) {
        linear(pass);
        if (applied == Activation.RELU) { // one comparison a value, cheaper than a native call
            HostRows.relu(pass.buffers().activationValues(index), pass.rows() * shape.units());
        } else if (applied != null) {
            applied.applyInPlace(pass.buffers().activation(index));
        }
    }

    /**
     * {@code dL/dz = f'(a) * dL/da} in place, then {@code dW = x^T dL/dz}, {@code db} = its column
     * sums, and the layer below's {@code dL/da = dL/dz W^T}.
     */
    @Override
    public final void backward(LayerPass pass) {
        BatchBuffers buffers = pass.buffers();
        if (differentiated == Activation.RELU) {
            HostRows.reluBackprop(buffers.activationValues(index), buffers.deltaValues(index), pass.rows() * shape.units());
        } else if (differentiated != null) {
            differentiated.backpropInPlace(buffers.activation(index), buffers.delta(index), buffers.scratch(index));
        }
        weightGradient(pass);
        HostRows.columnSums(buffers.deltaValues(index), biasGrad, pass.rows(), shape.units());
        inputGradient(pass);
    }

    /** {@code z = x W + b} into {@code activation(index)}. */
    abstract void linear(LayerPass pass);

    /** {@code dW = x^T delta}. */
    abstract void weightGradient(LayerPass pass);

    /** {@code dL/d(input) = delta W^T} into {@code delta(index - 1)}; nothing for a first layer. */
    void inputGradient(LayerPass pass) {
    }

    /** {@code z = x W} by gemm, then {@code + b} on the host. */
    final void gemmLinear(INDArray x, INDArray w, LayerPass pass) {
        Nd4j.gemm(x, w, pass.buffers().activation(index), false, false, 1.0, 0.0);
        HostRows.addBias(pass.buffers().activationValues(index), bias, pass.rows(), shape.units());
    }
}
