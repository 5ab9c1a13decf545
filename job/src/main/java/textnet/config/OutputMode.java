package textnet.config;

import java.util.Arrays;
import java.util.List;

/**
 * {@code vectorizer.output-mode}: what a document's vector holds at a vocabulary column, Keras's
 * {@code TextVectorization(output_mode=...)}: 1 when the document has the token ({@code multi-hot}),
 * how often it has it ({@code count}), or that count times the token's inverse document frequency
 * fitted on the training split ({@code tf-idf}; textnet.text.ColumnValues).
 */
public enum OutputMode {
    MULTI_HOT("multi-hot"),
    COUNT("count"),
    TF_IDF("tf-idf");

    public static final List<String> NAMES = Arrays.stream(values()).map(OutputMode::key).toList();

    private final String key;

    OutputMode(String key) {
        this.key = key;
    }

    /** The name a config file uses. */
    public String key() {
        return key;
    }

    /** The mode {@code name} names; null (a config saved before the key existed) is multi-hot. */
    public static OutputMode of(String name) {
        for (OutputMode m : values()) {
            if (m.key.equals(name == null ? MULTI_HOT.key : name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown vectorizer.output-mode '" + name + "'");
    }
}
