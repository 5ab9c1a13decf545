package textnet.io;

import textnet.config.JobConfig;
import textnet.nn.NetworkSpec;
import textnet.text.TextVectorizer;

/** Everything {@code predict} needs: how text becomes rows, the network's shape, its parameters. */
public record TrainedModel(JobConfig config, TextVectorizer vectorizer, NetworkSpec spec, float[] parameters) {

    public static NetworkSpec specOf(JobConfig config, TextVectorizer vectorizer) {
        return NetworkSpec.of(config.model(), vectorizer.vocabulary().size(), vectorizer.labels().size(),
                config.data().multiLabel());
    }

    /** {@code binary}, {@code multiclass} or {@code multi-label} (model.json's and metrics.json's "task"). */
    public String task() {
        return taskOf(spec, vectorizer.labels().size());
    }

    /** The task of a network over {@code classes} classes. */
    public static String taskOf(NetworkSpec spec, int classes) {
        return spec.multiLabel() ? "multi-label" : classes == 2 ? "binary" : "multiclass";
    }
}
