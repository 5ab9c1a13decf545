package textnet.config;

import java.util.Arrays;
import java.util.List;

/**
 * {@code train.optimizer.name}: the update rules textnet has (textnet.optim builds each from its
 * {@link OptimizerConfig}), and how much state each keeps, which the config's size checks need before
 * any rule exists ({@link ModelSize}; textnet.optim.OptimizerTest holds the rules to it).
 */
public enum OptimizerName {
    RMSPROP("rmsprop"),
    ADAM("adam"),
    SGD("sgd");

    public static final List<String> NAMES = Arrays.stream(values()).map(OptimizerName::key).toList();

    private final String key;

    OptimizerName(String key) {
        this.key = key;
    }

    /** The name a config file uses. */
    public String key() {
        return key;
    }

    /** The rule named in {@code config} (validated configs only: {@link ConfigValidator} checks the name). */
    public static OptimizerName of(OptimizerConfig config) {
        for (OptimizerName n : values()) {
            if (n.key.equals(config.name())) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown train.optimizer.name '" + config.name() + "'");
    }

    /** State values per parameter: rmsprop its mean square, adam two moments, sgd a velocity with momentum only. */
    public int statePerParameter(OptimizerConfig config) {
        return switch (this) {
            case RMSPROP -> 1;
            case ADAM -> 2;
            case SGD -> config.momentum() == 0 ? 0 : 1;
        };
    }
}
