package textnet.config;

import java.io.Serializable;

/**
 * The output layer and loss. {@code auto} follows the labels: one sigmoid unit with binary
 * cross-entropy for two classes, softmax with categorical cross-entropy for more, a sigmoid per class
 * with binary cross-entropy for multi-label data. {@code threshold} (multi-label only): a class is
 * predicted when its probability is above it.
 */
public record OutputConfig(String activation, String loss, Double threshold) implements Serializable {

    public static final double DEFAULT_THRESHOLD = 0.5;

    public OutputConfig(String activation, String loss) {
        this(activation, loss, DEFAULT_THRESHOLD);
    }

    /** {@code threshold}, or its default when the key is null. */
    public double thresholdOrDefault() {
        return threshold == null ? DEFAULT_THRESHOLD : threshold;
    }
}
