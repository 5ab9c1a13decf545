package textnet.config;

import textnet.JobException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Range and vocabulary checks that binding cannot express; each failure names its key. */
public final class ConfigValidator {

    /**
     * The least value of each whole-number key ({@code N}: any layer's index) and what it counts. The
     * checks below enforce it, and {@link WholeNumberKeys} states it with the Java type's largest value
     * when a number is beyond the type: each range is written once, here.
     */
    private static final Map<String, Least> LEAST = Map.of(
            "data.validation", new Least(0, "rows"),
            "vectorizer.vocabulary-size", new Least(1, "tokens"),
            "vectorizer.ngrams", new Least(1, "tokens"),
            "model.layers.N.units", new Least(1, "units"),
            "train.epochs", new Least(1, "epochs"),
            "train.batch-size", new Least(1, "rows"),
            "train.partitions", new Least(1, "partitions"),
            "train.block-rows", new Least(1, "rows"),
            "train.early-stopping.patience", new Least(0, "epochs"));

    private record Least(long value, String counts) {
        String rule() {
            return value == 0 ? "must be 0 or more " + counts : "must be at least " + value;
        }
    }

    private ConfigValidator() {
    }

    /** The least value {@code key} may take (layer indices are any number), or null for no rule. */
    static Long least(String key) {
        Least least = leastOf(key);
        return least == null ? null : least.value();
    }

    private static Least leastOf(String key) {
        return LEAST.get(key.replaceAll("\\.[0-9]+\\.", ".N."));
    }

    public static JobConfig validate(JobConfig c) {
        require(c.data() != null && c.vectorizer() != null && c.model() != null && c.train() != null
                && c.train().optimizer() != null && c.model().output() != null, "config", "must not be null");
        oneOf("data.format", c.data().format(), DataFormat.NAMES);
        oneOf("data.subset", c.data().subset(), ReutersSubsetName.NAMES);
        atLeast("data.validation", c.data().validation());
        oneOf("data.labels", c.data().labels(), LabelKind.NAMES);
        require(!c.data().multiLabelSubset() || LabelKind.of(c.data().labels()) != LabelKind.SINGLE, "data.labels",
                "'single' does not fit data.subset " + c.data().subset() + ", whose newswires have several topics");
        require(notBlank(c.data().textColumn()), "data.text-column", "must name a column");
        require(notBlank(c.data().labelColumn()), "data.label-column", "must name a column");
        atLeast("vectorizer.vocabulary-size", c.vectorizer().vocabularySize());
        atLeast("vectorizer.ngrams", c.vectorizer().ngrams());
        oneOf("vectorizer.output-mode", c.vectorizer().outputMode(), OutputMode.NAMES);
        require(notBlank(c.vectorizer().tokenPattern()), "vectorizer.token-pattern", "must not be empty");
        try {
            Pattern.compile(c.vectorizer().tokenPattern());
        } catch (PatternSyntaxException e) {
            throw JobException.config("config key 'vectorizer.token-pattern': not a regular expression: "
                    + e.getDescription());
        }
        LayerRules.check(c.model().layers(), ActivationName.NAMES);
        oneOf("model.output.activation", c.model().output().activation(), OutputConfig.ACTIVATIONS);
        oneOf("model.output.loss", c.model().output().loss(), OutputConfig.LOSSES);
        double threshold = c.model().output().thresholdOrDefault();
        require(threshold > 0 && threshold < 1, "model.output.threshold",
                "must be above 0 and below 1 (a class is predicted when its probability is above it)");
        oneOf("model.input", c.model().input(), InputKind.NAMES);
        TrainConfig t = c.train();
        atLeast("train.epochs", t.epochs());
        atLeast("train.batch-size", t.batchSize());
        atLeast("train.partitions", t.partitions());
        atLeast("train.block-rows", t.blockRows());
        oneOf("train.averaging", t.averaging(), Averaging.NAMES);
        OptimizerConfig o = t.optimizer();
        oneOf("train.optimizer.name", o.name(), OptimizerName.NAMES);
        require(o.learningRate() > 0 && Double.isFinite(o.learningRate()), "train.optimizer.learning-rate", "must be a positive number");
        require(o.rho() >= 0 && o.rho() < 1, "train.optimizer.rho", "must be in [0, 1)");
        require(o.momentum() >= 0 && o.momentum() < 1, "train.optimizer.momentum", "must be in [0, 1)");
        require(o.beta1() >= 0 && o.beta1() < 1, "train.optimizer.beta1", "must be in [0, 1)");
        require(o.beta2() >= 0 && o.beta2() < 1, "train.optimizer.beta2", "must be in [0, 1)");
        require(o.epsilon() > 0, "train.optimizer.epsilon", "must be positive");
        if (t.classWeight() != null) {
            t.classWeight().validate();
            require(!c.data().multiLabel(), "train.class-weight", "weighs the one class of a document: it does not"
                    + " apply to multi-label data (data.labels)");
        }
        if (t.earlyStoppingEnabled()) {
            validateEarlyStopping(t.earlyStopping(), c.data());
        }
        ModelSize.requireFitsArrays(c);
        return c;
    }

    private static void validateEarlyStopping(EarlyStoppingConfig e, DataConfig data) {
        oneOf("train.early-stopping.monitor", e.monitor(), Monitor.NAMES);
        require(!e.monitored().needsValidation() || data.validation() > 0, "train.early-stopping.monitor",
                "'" + e.monitor() + "' needs a validation split: set data.validation to a number of rows");
        atLeast("train.early-stopping.patience", e.patience());
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

    private static void atLeast(String key, long value) {
        Least least = leastOf(key);
        require(value >= least.value(), key, least.rule());
    }

    private static void require(boolean ok, String key, String what) {
        if (!ok) {
            throw JobException.config("config key '" + key + "' " + what);
        }
    }
}
