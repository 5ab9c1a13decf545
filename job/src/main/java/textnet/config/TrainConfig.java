package textnet.config;

import java.io.Serializable;

/** The training loop: epochs over the data, mini-batch size per partition, Spark partitions. */
public record TrainConfig(
        int epochs, int batchSize, int partitions, long seed, OptimizerConfig optimizer) implements Serializable {
}
