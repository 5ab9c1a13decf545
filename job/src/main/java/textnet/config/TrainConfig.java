package textnet.config;

import java.io.Serializable;

/**
 * The training loop: epochs over the data, mini-batch size per partition, Spark partitions, and
 * optional early stopping ({@code earlyStopping} null or its monitor null: off).
 */
public record TrainConfig(
        int epochs, int batchSize, int partitions, long seed, OptimizerConfig optimizer,
        EarlyStoppingConfig earlyStopping) implements Serializable {

    /** Without early stopping (the loop's own tests build configs this way). */
    public TrainConfig(int epochs, int batchSize, int partitions, long seed, OptimizerConfig optimizer) {
        this(epochs, batchSize, partitions, seed, optimizer, null);
    }

    public boolean earlyStoppingEnabled() {
        return earlyStopping != null && earlyStopping.enabled();
    }
}
