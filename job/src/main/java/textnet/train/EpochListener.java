package textnet.train;

/**
 * Told about each epoch as soon as it is complete: the console line, checkpoints, early stopping and
 * the benchmark's accuracy curve hang off this, outside the math of the loop.
 */
@FunctionalInterface
public interface EpochListener {

    /**
     * @param progress where training stands after this epoch: its number, the averaged state and
     *                 the history so far (this epoch last); what a checkpoint saves
     * @return false to stop training after this epoch
     */
    boolean onEpoch(Progress progress);

    /** A listener that only looks and never stops training. */
    static EpochListener watching(java.util.function.Consumer<EpochRecord> action) {
        return progress -> {
            action.accept(progress.last());
            return true;
        };
    }

    /** Every listener told, in order; training goes on only while all of them say so. */
    static EpochListener all(java.util.List<EpochListener> listeners) {
        return progress -> {
            boolean goOn = true;
            for (EpochListener l : listeners) {
                goOn &= l.onEpoch(progress);
            }
            return goOn;
        };
    }
}
