package textnet.config;

import java.util.Arrays;
import java.util.List;

/**
 * {@code model.output.loss}: the losses textnet has (textnet.nn.Loss computes each), with their config
 * names; {@link OutputConfig#LOSSES} adds {@code auto}.
 */
public enum LossName {
    BINARY_CROSSENTROPY("binary-crossentropy"),
    CATEGORICAL_CROSSENTROPY("categorical-crossentropy"),
    MSE("mse");

    public static final List<String> NAMES = Arrays.stream(values()).map(LossName::key).toList();

    private final String key;

    LossName(String key) {
        this.key = key;
    }

    /** The name a config file (and a model file) uses. */
    public String key() {
        return key;
    }
}
