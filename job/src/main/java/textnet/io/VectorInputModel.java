package textnet.io;

import textnet.config.JobConfig;
import textnet.nn.NetworkSpec;

/**
 * A network over feature vectors of {@code spec.inputSize()} entries (any non-zero counts as a one),
 * predicting {@code classes} classes numbered 0..classes-1 (Spark ML's label convention): what
 * textnet.ml's TextNetModel saves, where the vocabulary lives in the pipeline's own stages.
 */
public record VectorInputModel(JobConfig config, NetworkSpec spec, float[] parameters, int classes) {
}
