package textnet.config;

import java.io.Serializable;

/**
 * Keras's {@code EarlyStopping} callback: stop once {@code monitor} has not improved by more than
 * {@code minDelta} for {@code patience} epochs; with {@code restoreBest} the model kept is the best
 * epoch's rather than the last. {@code monitor} null (the default) turns it off.
 */
public record EarlyStoppingConfig(String monitor, int patience, boolean restoreBest, double minDelta)
        implements Serializable {

    public boolean enabled() {
        return monitor != null;
    }

    /** loss and val_loss improve downwards, the accuracies upwards (Keras's mode "auto"). */
    public boolean lowerIsBetter() {
        return monitor.endsWith("loss");
    }
}
