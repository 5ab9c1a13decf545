package textnet.config;

/** One hidden {@code Dense(units, activation)} layer. */
public record LayerConfig(int units, String activation) {
}
