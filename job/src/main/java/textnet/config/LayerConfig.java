package textnet.config;

import java.io.Serializable;

/** One hidden {@code Dense(units, activation)} layer. */
public record LayerConfig(int units, String activation) implements Serializable {
}
