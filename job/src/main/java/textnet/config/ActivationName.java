package textnet.config;

import java.util.Arrays;
import java.util.List;

/**
 * {@code model.layers.N.activation} and {@code model.output.activation}: the activations textnet has
 * (textnet.nn.Activation computes each), with their config names and whether an output layer may
 * take one ({@link OutputConfig#ACTIVATIONS} adds {@code auto}).
 */
public enum ActivationName {
    RELU("relu", false),
    SIGMOID("sigmoid", true),
    TANH("tanh", false),
    SOFTMAX("softmax", true),
    LINEAR("linear", true);

    /** The names a hidden layer may take, in the order error messages list them. */
    public static final List<String> NAMES = Arrays.stream(values()).map(ActivationName::key).toList();

    private final String key;
    private final boolean output;

    ActivationName(String key, boolean output) {
        this.key = key;
        this.output = output;
    }

    /** The name a config file (and a model file) uses. */
    public String key() {
        return key;
    }

    /** Whether {@code model.output.activation} may name it (relu and tanh are hidden-layer only). */
    public boolean output() {
        return output;
    }
}
