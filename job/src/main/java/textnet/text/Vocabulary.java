package textnet.text;

import org.apache.spark.api.java.JavaRDD;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature columns: the most frequent training tokens, most frequent first (Keras's
 * {@code Tokenizer(num_words=...)} order). Ties are broken by the token itself, so the same data
 * gives the same vocabulary however Spark partitions it (CountVectorizer leaves ties to chance).
 */
public record Vocabulary(List<String> tokens) implements Serializable {

    public Vocabulary {
        tokens = List.copyOf(tokens);
    }

    public int size() {
        return tokens.size();
    }

    /** Column of each token. */
    public Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            index.put(tokens.get(i), i);
        }
        return index;
    }

    /** Counts every token occurrence in {@code texts}, a partition at a time, and keeps the top {@code maxSize}. */
    public static Vocabulary fit(JavaRDD<String> texts, textnet.config.VectorizerConfig config, int maxSize) {
        return mostFrequent(texts.mapPartitions(it -> {
            TokenCounter counter = new TokenCounter(config);
            it.forEachRemaining(counter::add);
            return List.of(counter.counts()).iterator();
        }), maxSize);
    }

    /** The {@code maxSize} most frequent tokens of per-partition counts. */
    static Vocabulary mostFrequent(JavaRDD<TokenCounts> partitionCounts, int maxSize) {
        return new Vocabulary(partitionCounts.treeReduce(TokenCounts::plus).mostFrequent(maxSize));
    }
}
