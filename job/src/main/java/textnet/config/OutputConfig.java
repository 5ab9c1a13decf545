package textnet.config;

import java.io.Serializable;

/**
 * The output layer and loss. {@code auto} follows the labels: one sigmoid unit with binary
 * cross-entropy for two classes, softmax with categorical cross-entropy for more.
 */
public record OutputConfig(String activation, String loss) implements Serializable {
}
