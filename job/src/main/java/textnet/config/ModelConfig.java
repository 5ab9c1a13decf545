package textnet.config;

import java.io.Serializable;

import java.util.List;

/**
 * The network. {@code input} chooses how the first layer reads multi-hot rows: {@code sparse}
 * (from the active indices) or {@code dense} (a full batch x vocabulary matrix); both compute the
 * same function.
 */
public record ModelConfig(List<LayerConfig> layers, OutputConfig output, String input) implements Serializable {
    public ModelConfig {
        layers = List.copyOf(layers);
    }

    /** {@code input} as its enum: {@link InputKind#DENSE} when it names it, else sparse. */
    public InputKind inputKind() {
        return InputKind.DENSE.key().equals(input) ? InputKind.DENSE : InputKind.SPARSE;
    }
}
