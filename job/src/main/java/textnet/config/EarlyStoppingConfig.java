package textnet.config;

import java.io.Serializable;

/**
 * Keras's {@code EarlyStopping} callback: stop once {@code monitor} has not improved by more than
 * {@code minDelta} for {@code patience} epochs; with {@code restoreBest} the model kept is the best
 * epoch's rather than the last. {@code monitor} null (the default) turns it off; {@link Monitor} has
 * the names.
 */
public record EarlyStoppingConfig(String monitor, int patience, boolean restoreBest, double minDelta)
        implements Serializable {

    public boolean enabled() {
        return monitor != null;
    }

    /** {@code monitor} as its enum (a validated config's, early stopping enabled). */
    public Monitor monitored() {
        return Monitor.of(monitor);
    }
}
