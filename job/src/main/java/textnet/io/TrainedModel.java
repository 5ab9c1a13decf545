package textnet.io;

import textnet.config.JobConfig;
import textnet.nn.NetworkSpec;
import textnet.text.TextVectorizer;

/** Everything {@code predict} needs: how text becomes rows, the network's shape, its parameters. */
public record TrainedModel(JobConfig config, TextVectorizer vectorizer, NetworkSpec spec, float[] parameters) {

    public static NetworkSpec specOf(JobConfig config, TextVectorizer vectorizer) {
        return NetworkSpec.of(config.model(), vectorizer.vocabulary().size(), vectorizer.labels().size());
    }

    public String task() {
        return vectorizer.labels().size() == 2 ? "binary" : "multiclass";
    }
}
