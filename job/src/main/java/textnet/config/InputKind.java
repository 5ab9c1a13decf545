package textnet.config;

import java.util.Arrays;
import java.util.List;

/**
 * {@code model.input}: how the first layer reads multi-hot rows ({@link ModelConfig}), with the config
 * names; textnet.nn.NetworkSpec builds the layer from it.
 */
public enum InputKind {
    /** From the active indices (the default). */
    SPARSE("sparse"),
    /** As a full batch x vocabulary matrix. */
    DENSE("dense");

    public static final List<String> NAMES = Arrays.stream(values()).map(InputKind::key).toList();

    private final String key;

    InputKind(String key) {
        this.key = key;
    }

    /** The name a config file uses. */
    public String key() {
        return key;
    }
}
