package textnet.config;

import java.io.Serializable;

/**
 * Where the labelled text comes from. {@code validation} is the number of training rows held out
 * (Keras: {@code x_val = x_train[:10000]}), picked by a seeded hash of each document's id.
 */
public record DataConfig(
        String format, String path, String subset, String train, String test,
        String textColumn, String labelColumn, int validation) implements Serializable {

    /** The table formats, which read {@code train} and {@code test}; the corpus formats read {@code path}. */
    public static final java.util.List<String> TABLE_FORMATS = java.util.List.of("tsv", "csv", "jsonl", "parquet");

    public boolean readsSplitFiles() {
        return TABLE_FORMATS.contains(format);
    }
}
