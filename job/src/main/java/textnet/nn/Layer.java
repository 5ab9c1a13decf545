package textnet.nn;

import java.util.SplittableRandom;

/**
 * One layer of a {@link Network}: its block of the flat parameter vector, and its forward and
 * backward step over a batch. The network runs {@link #forward} from the first layer to the last
 * and {@link #backward} from the last to the first, handing every layer the same {@link LayerPass};
 * layer {@code i} reads the output of layer {@code i - 1} ({@code pass.buffers.activation(i - 1)},
 * the multi-hot batch for the first) and writes its own ({@code activation(i)}). A new kind of
 * layer is one implementation of this with its {@link LayerSpec} (which builds it for its
 * {@link LayerPlace}) plus its tests.
 */
interface Layer {

    /** Where its parameters start in the flat vector; they fill {@code [offset, offset + parameterCount)}. */
    int offset();

    int parameterCount();

    /**
     * Where its parameters start in the network's ND4J copy ({@link StagedParameters}); past the
     * block's end when it reads all of them from the heap array.
     */
    int stagedFrom();

    /** Writes its initial parameters into its block of {@code params} (zeroed beforehand), drawing from {@code random}. */
    void initialize(float[] params, SplittableRandom random);

    /** Its output for the pass's batch, into {@code pass.buffers.activation(index)}. */
    void forward(LayerPass pass);

    /**
     * Given {@code dLoss/d(its output)} in {@code pass.buffers.delta(index)} (for the output layer
     * {@code dLoss/dz}, which the loss step computes): writes its parameters' gradient and, unless
     * it is the first layer, {@code dLoss/d(its input)} into {@code delta(index - 1)}.
     */
    void backward(LayerPass pass);
}
