package textnet.config;

import java.io.Serializable;

/**
 * Where the labelled text comes from. {@code validation} is the number of training rows held out
 * (Keras: {@code x_val = x_train[:10000]}), picked by a seeded hash of each document's id.
 */
public record DataConfig(
        String format, String path, String subset, String train, String test,
        String textColumn, String labelColumn, int validation) implements Serializable {
}
