package textnet.config;

import java.io.Serializable;

/**
 * Where the labelled text comes from. {@code validation} is the number of training rows held out
 * (Keras: {@code x_val = x_train[:10000]}), picked by a seeded hash of each document's id.
 */
public record DataConfig(
        String format, String path, String subset, String train, String test,
        String textColumn, String labelColumn, int validation) implements Serializable {

    /** The table formats read {@code train} and {@code test}; the corpus formats read {@code path}. */
    public boolean readsSplitFiles() {
        return DataFormat.NAMES.contains(format) && dataFormat().isTable();
    }

    /** {@code format} as its enum (a validated config's). */
    public DataFormat dataFormat() {
        return DataFormat.of(format);
    }
}
