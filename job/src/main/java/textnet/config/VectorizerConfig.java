package textnet.config;

import java.io.Serializable;

/**
 * Keras-like text vectorization: lowercase, split on the pattern, add the n-grams of up to
 * {@code ngrams} tokens (Keras's {@code TextVectorization(ngrams=N)}; 1: the tokens only), keep the
 * most frequent tokens and n-grams.
 */
public record VectorizerConfig(int vocabularySize, boolean lowercase, String tokenPattern, int ngrams)
        implements Serializable {

    /** Tokens only, no n-grams. */
    public VectorizerConfig(int vocabularySize, boolean lowercase, String tokenPattern) {
        this(vocabularySize, lowercase, tokenPattern, 1);
    }
}
