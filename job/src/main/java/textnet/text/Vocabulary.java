package textnet.text;

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
}
