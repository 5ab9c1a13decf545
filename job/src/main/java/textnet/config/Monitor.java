package textnet.config;

import java.util.Arrays;
import java.util.List;

/**
 * {@code train.early-stopping.monitor}: the values Keras's {@code EarlyStopping} may watch, named as
 * an epoch's history names them (textnet.train.EarlyStopping reads each from the epoch's record).
 */
public enum Monitor {
    VAL_LOSS("val_loss"),
    VAL_ACCURACY("val_accuracy"),
    LOSS("loss"),
    ACCURACY("accuracy");

    public static final List<String> NAMES = Arrays.stream(values()).map(Monitor::key).toList();

    private final String key;

    Monitor(String key) {
        this.key = key;
    }

    /** The name a config file uses. */
    public String key() {
        return key;
    }

    /** Whether it is measured on the validation split, which needs {@code data.validation} rows. */
    public boolean needsValidation() {
        return key.startsWith("val_");
    }

    /** loss and val_loss improve downwards, the accuracies upwards (Keras's mode "auto"). */
    public boolean lowerIsBetter() {
        return key.endsWith("loss");
    }

    /** The monitor named {@code key} (validated configs only: {@link ConfigValidator} checks the name). */
    public static Monitor of(String key) {
        for (Monitor m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown train.early-stopping.monitor '" + key + "'");
    }
}
