package textnet.train;

/**
 * Told about each epoch as soon as it is complete: the console line, checkpoints, early stopping and
 * the benchmark's accuracy curve hang off this, outside the math of the loop.
 */
@FunctionalInterface
public interface EpochListener {

    /**
     * @param state the averaged parameters after this epoch
     * @return false to stop training after this epoch
     */
    boolean onEpoch(EpochRecord record, TrainingState state);

    /** A listener that only looks and never stops training. */
    static EpochListener watching(java.util.function.Consumer<EpochRecord> action) {
        return (record, state) -> {
            action.accept(record);
            return true;
        };
    }
}
