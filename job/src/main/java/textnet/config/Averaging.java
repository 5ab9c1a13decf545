package textnet.config;

import java.util.Arrays;
import java.util.List;

/**
 * {@code train.averaging}: how K replicas are set up so that the model averaged once per epoch does
 * not depend on K (README, "How parameter averaging scales").
 *
 * <ul>
 *   <li>{@link #SPLIT_BATCH} (the default): each replica's step takes {@code ceil(batch-size / K)} rows,
 *   so the K replicas together take one step of {@code batch-size} rows, as many steps per epoch as
 *   one machine takes; rmsprop and adam, which divide by the gradient's running RMS, also take a
 *   learning rate {@code √K} times larger. One replica is unchanged.</li>
 *   <li>{@link #PLAIN}: every replica trains with the configured batch and learning rate. Each takes
 *   1/K of the steps and the average moves about as far as one replica: fine at K = 2, a model K
 *   times less trained as K grows.</li>
 * </ul>
 */
public enum Averaging {
    SPLIT_BATCH("split-batch"),
    PLAIN("plain");

    public static final List<String> NAMES = Arrays.stream(values()).map(Averaging::key).toList();

    private final String key;

    Averaging(String key) {
        this.key = key;
    }

    /** The name a config file uses. */
    public String key() {
        return key;
    }

    /** The value named {@code key} (validated configs only: {@link ConfigValidator} checks the name). */
    public static Averaging of(String key) {
        for (Averaging a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown train.averaging '" + key + "'");
    }
}
