package textnet.config;

import java.io.Serializable;

/** The whole job's configuration: built once by {@link ConfigLoader}, immutable afterwards. */
public record JobConfig(
        String name, DataConfig data, VectorizerConfig vectorizer, ModelConfig model, TrainConfig train) implements Serializable {
}
