package textnet.train;

import textnet.config.EarlyStoppingConfig;
import textnet.config.Monitor;

/**
 * Keras's {@code EarlyStopping} as an {@link EpochListener}: an epoch improves on the best when its
 * monitored value is better by more than {@code min-delta}; after {@code patience} epochs without
 * improvement training stops. It keeps a copy of the best epoch's parameters, which the run saves
 * instead of the last ones when {@code restore-best} is set (Keras's {@code restore_best_weights}).
 */
public final class EarlyStopping implements EpochListener {

    private final EarlyStoppingConfig config;
    private final Monitor monitor;
    private double best;
    private int bestEpoch;
    private float[] bestParameters;
    private int wait;
    private int stoppedEpoch;

    public EarlyStopping(EarlyStoppingConfig config) {
        this.config = config;
        this.monitor = config.monitored();
        this.best = monitor.lowerIsBetter() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    @Override
    public boolean onEpoch(Progress progress) {
        EpochRecord record = progress.last();
        double current = monitored(record);
        boolean improved = monitor.lowerIsBetter() ? current < best - config.minDelta() : current > best + config.minDelta();
        if (improved) {
            best = current;
            bestEpoch = record.epoch();
            bestParameters = progress.state().parameters().clone();
            wait = 0;
            return true;
        }
        wait++;
        if (wait >= config.patience()) {
            stoppedEpoch = record.epoch();
            return false;
        }
        return true;
    }

    private double monitored(EpochRecord r) {
        Double v = switch (monitor) {
            case LOSS -> r.loss();
            case ACCURACY -> r.accuracy();
            case VAL_LOSS -> r.valLoss();
            case VAL_ACCURACY -> r.valAccuracy();
        };
        if (v == null) {
            throw new IllegalStateException(config.monitor() + " needs a validation split (the validator checks this)");
        }
        return v;
    }

    /** The parameters to save: the best epoch's with restore-best, else the last epoch's. */
    public float[] parametersToKeep(float[] last) {
        return config.restoreBest() && bestParameters != null ? bestParameters : last;
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    public double best() {
        return best;
    }

    /** The epoch training stopped after, or 0 when it ran all its epochs. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    public EarlyStoppingConfig config() {
        return config;
    }
}
