package textnet.config;

import java.io.Serializable;

/** Keras-like text vectorization: lowercase, split on the pattern, keep the most frequent tokens. */
public record VectorizerConfig(int vocabularySize, boolean lowercase, String tokenPattern) implements Serializable {
}
