package textnet.config;

import java.io.Serializable;

/**
 * Keras-like text vectorization: lowercase, split on the pattern, add the n-grams of up to
 * {@code ngrams} tokens (Keras's {@code TextVectorization(ngrams=N)}; 1: the tokens only), keep the
 * most frequent tokens and n-grams; a document's vector holds what {@code outputMode} says
 * ({@link OutputMode}).
 */
public record VectorizerConfig(int vocabularySize, boolean lowercase, String tokenPattern, int ngrams,
                               String outputMode) implements Serializable {

    /** Multi-hot. */
    public VectorizerConfig(int vocabularySize, boolean lowercase, String tokenPattern, int ngrams) {
        this(vocabularySize, lowercase, tokenPattern, ngrams, OutputMode.MULTI_HOT.key());
    }

    /** Tokens only, no n-grams, multi-hot. */
    public VectorizerConfig(int vocabularySize, boolean lowercase, String tokenPattern) {
        this(vocabularySize, lowercase, tokenPattern, 1);
    }

    /** {@code outputMode} as its enum (a validated config's). */
    public OutputMode mode() {
        return OutputMode.of(outputMode);
    }
}
