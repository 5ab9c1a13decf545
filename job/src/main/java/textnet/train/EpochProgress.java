package textnet.train;

import org.apache.spark.util.LongAccumulator;

/**
 * Watches each epoch's training while it runs (the console's progress line, which cli draws):
 * {@link #start} is told as an epoch's partitions start and hands them the counter they add their
 * trained rows to (per mini-batch: one add of a long, nothing next to the step's math);
 * {@link #end} is told once they have all finished, before the epoch is reported. Training never
 * reads the counter.
 */
public interface EpochProgress {

    /** Nobody watches: the partitions count nothing. */
    EpochProgress NONE = new EpochProgress() {
        @Override
        public LongAccumulator start(String epoch) {
            return null;
        }

        @Override
        public void end() {
        }
    };

    /**
     * @param epoch the epoch as the Spark UI names its job, e.g. "Epoch 3/40"
     * @return the counter the partitions add their trained rows to, or null to count nothing
     */
    LongAccumulator start(String epoch);

    void end();
}
