package textnet.config;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.Serializable;

/**
 * The training loop: epochs over the data, mini-batch size per replica, the number of replicas
 * ({@code partitions}: models trained side by side and averaged every epoch), the most rows a task
 * holds at once ({@code blockRows}: a replica's rows are cut into blocks of at most this many, trained
 * one after another), how the replicas are set up and averaged ({@code averaging}: an {@link Averaging}
 * key), optional early stopping ({@code earlyStopping} null or its monitor null: off) and optional
 * class weights ({@code classWeight} null: every class weighs 1; left out of the saved config then, so
 * configs and checkpoint hashes from before the key read the same).
 */
public record TrainConfig(
        int epochs, int batchSize, int partitions, long seed, OptimizerConfig optimizer,
        EarlyStoppingConfig earlyStopping, int blockRows, String averaging,
        @JsonInclude(JsonInclude.Include.NON_NULL) ClassWeightConfig classWeight) implements Serializable {

    /** Without class weights. */
    public TrainConfig(int epochs, int batchSize, int partitions, long seed, OptimizerConfig optimizer,
                       EarlyStoppingConfig earlyStopping, int blockRows, String averaging) {
        this(epochs, batchSize, partitions, seed, optimizer, earlyStopping, blockRows, averaging, null);
    }

    /**
     * Without early stopping, every replica's rows in one block, {@code plain} averaging: each replica
     * steps with exactly the batch and optimizer given (the loop's own tests build configs this way).
     */
    public TrainConfig(int epochs, int batchSize, int partitions, long seed, OptimizerConfig optimizer) {
        this(epochs, batchSize, partitions, seed, optimizer, null, Integer.MAX_VALUE, Averaging.PLAIN.key());
    }

    public boolean earlyStoppingEnabled() {
        return earlyStopping != null && earlyStopping.enabled();
    }
}
