package textnet.config;

import textnet.JobException;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Range and vocabulary checks that binding cannot express; each failure names its key. */
public final class ConfigValidator {

    public static final List<String> FORMATS = List.of("aclimdb", "reuters21578", "tsv", "csv", "jsonl", "parquet");
    public static final List<String> SUBSETS = List.of("r52", "r8");
    public static final List<String> ACTIVATIONS = List.of("relu", "sigmoid", "tanh", "softmax", "linear");
    public static final List<String> OUTPUT_ACTIVATIONS = List.of("auto", "sigmoid", "softmax", "linear");
    public static final List<String> LOSSES = List.of("auto", "binary-crossentropy", "categorical-crossentropy", "mse");
    public static final List<String> OPTIMIZERS = List.of("rmsprop", "adam", "sgd");
    public static final List<String> INPUTS = List.of("sparse", "dense");
    public static final List<String> MONITORS = List.of("val_loss", "val_accuracy", "loss", "accuracy");

    private ConfigValidator() {
    }

    public static JobConfig validate(JobConfig c) {
        require(c.data() != null && c.vectorizer() != null && c.model() != null && c.train() != null
                && c.train().optimizer() != null && c.model().output() != null, "config", "must not be null");
        oneOf("data.format", c.data().format(), FORMATS);
        oneOf("data.subset", c.data().subset(), SUBSETS);
        require(c.data().validation() >= 0, "data.validation", "must be 0 or more rows");
        require(notBlank(c.data().textColumn()), "data.text-column", "must name a column");
        require(notBlank(c.data().labelColumn()), "data.label-column", "must name a column");
        require(c.vectorizer().vocabularySize() > 0, "vectorizer.vocabulary-size", "must be at least 1");
        require(notBlank(c.vectorizer().tokenPattern()), "vectorizer.token-pattern", "must not be empty");
        try {
            Pattern.compile(c.vectorizer().tokenPattern());
        } catch (PatternSyntaxException e) {
            throw JobException.config("config key 'vectorizer.token-pattern': not a regular expression: "
                    + e.getDescription());
        }
        List<LayerConfig> layers = c.model().layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerConfig l = layers.get(i);
            require(l != null, "model.layers." + i, "must be {units, activation}");
            require(l.units() > 0, "model.layers." + i + ".units", "must be at least 1");
            oneOf("model.layers." + i + ".activation", l.activation(), ACTIVATIONS);
        }
        oneOf("model.output.activation", c.model().output().activation(), OUTPUT_ACTIVATIONS);
        oneOf("model.output.loss", c.model().output().loss(), LOSSES);
        oneOf("model.input", c.model().input(), INPUTS);
        TrainConfig t = c.train();
        require(t.epochs() > 0, "train.epochs", "must be at least 1");
        require(t.batchSize() > 0, "train.batch-size", "must be at least 1");
        require(t.partitions() > 0, "train.partitions", "must be at least 1");
        OptimizerConfig o = t.optimizer();
        oneOf("train.optimizer.name", o.name(), OPTIMIZERS);
        require(o.learningRate() > 0 && Double.isFinite(o.learningRate()), "train.optimizer.learning-rate", "must be a positive number");
        require(o.rho() >= 0 && o.rho() < 1, "train.optimizer.rho", "must be in [0, 1)");
        require(o.momentum() >= 0 && o.momentum() < 1, "train.optimizer.momentum", "must be in [0, 1)");
        require(o.beta1() >= 0 && o.beta1() < 1, "train.optimizer.beta1", "must be in [0, 1)");
        require(o.beta2() >= 0 && o.beta2() < 1, "train.optimizer.beta2", "must be in [0, 1)");
        require(o.epsilon() > 0, "train.optimizer.epsilon", "must be positive");
        if (t.earlyStoppingEnabled()) {
            validateEarlyStopping(t.earlyStopping(), c.data());
        }
        return c;
    }

    private static void validateEarlyStopping(EarlyStoppingConfig e, DataConfig data) {
        oneOf("train.early-stopping.monitor", e.monitor(), MONITORS);
        require(!e.monitor().startsWith("val_") || data.validation() > 0, "train.early-stopping.monitor",
                "'" + e.monitor() + "' needs a validation split: set data.validation to a number of rows");
        require(e.patience() >= 0, "train.early-stopping.patience", "must be 0 or more epochs");
        require(e.minDelta() >= 0 && Double.isFinite(e.minDelta()), "train.early-stopping.min-delta",
                "must be 0 or a positive number");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void oneOf(String key, String value, List<String> valid) {
        if (value == null || !Set.copyOf(valid).contains(value)) {
            throw JobException.config("config key '" + key + "': '" + value + "' is not one of "
                    + String.join(", ", valid));
        }
    }

    private static void require(boolean ok, String key, String what) {
        if (!ok) {
            throw JobException.config("config key '" + key + "' " + what);
        }
    }
}
