package textnet.nn;

import java.util.List;
import java.util.Map;

/**
 * The shape of one layer of a {@link NetworkSpec}, serializable with it: what it reads and writes,
 * how many parameters its block of the flat vector holds, how a model folder stores it, and the
 * {@link Layer} that computes it. A new kind of layer is one implementation of this (with its
 * Layer) plus its tests; the network, the model files and the driver need no change.
 */
public interface LayerSpec extends java.io.Serializable {

    int inputs();

    int units();

    long parameterCount();

    /** Its model.json entry's {@code "type"}. */
    String type();

    /** Its model.json entry's other keys, in the order written: what a reader needs to rebuild it. */
    Map<String, Object> attributes();

    /** Its parameters as its model files hold them, its block starting at {@code offset}. */
    List<ParameterBlock> blocks(int offset);

    /**
     * The regularization penalty its block (at {@code offset}) adds to the loss (Keras's
     * {@code layer.losses}); 0 for none.
     */
    default double penalty(float[] params, int offset) {
        return 0;
    }

    /** Adds the penalty's gradient to its block of {@code grad}; nothing for none. */
    default void addPenaltyGradient(float[] params, float[] grad, int offset) {
    }

    /** Whether {@link #penalty} can be non-zero: its gradient then reaches every value of its block. */
    default boolean regularized() {
        return false;
    }

    /** The layer that computes it at {@code place}, its views taken from {@code staged}. */
    Layer layer(LayerPlace place, StagedParameters staged);
}
