package textnet.config;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The output layer and loss. {@code auto} follows the labels: one sigmoid unit with binary
 * cross-entropy for two classes, softmax with categorical cross-entropy for more, a sigmoid per class
 * with binary cross-entropy for multi-label data. {@code threshold} (multi-label only): a class is
 * predicted when its probability is above it.
 */
public record OutputConfig(String activation, String loss, Double threshold) implements Serializable {

    public static final double DEFAULT_THRESHOLD = 0.5;

    /** The value of {@code activation} and {@code loss} that lets the labels choose. */
    public static final String AUTO = "auto";

    /** The values of {@code activation}: auto, then the activations an output layer may take. */
    public static final List<String> ACTIVATIONS = Stream.concat(Stream.of(AUTO),
            Arrays.stream(ActivationName.values()).filter(ActivationName::output).map(ActivationName::key)).toList();

    /** The values of {@code loss}: auto, then the losses. */
    public static final List<String> LOSSES = Stream.concat(Stream.of(AUTO), LossName.NAMES.stream()).toList();

    public OutputConfig(String activation, String loss) {
        this(activation, loss, DEFAULT_THRESHOLD);
    }

    /** {@code threshold}, or its default when the key is null. */
    public double thresholdOrDefault() {
        return threshold == null ? DEFAULT_THRESHOLD : threshold;
    }
}
