package textnet.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import textnet.config.JobConfig;
import textnet.nn.ClassWeights;
import textnet.text.VectorizedCorpus;
import textnet.train.EarlyStopping;
import textnet.train.EpochRecord;
import textnet.train.ReplicaSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code metrics.json} and {@code history.csv} of a run (docs/DESIGN.md, "Outputs of train"). */
public final class MetricsReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsReport() {
    }

    /**
     * What the training phase gives the report.
     *
     * @param seconds      its wall time, epochs and validation included
     * @param early        null when early stopping was off
     * @param classWeights the weights the training loss used, null when every class weighed 1
     */
    public record Training(List<EpochRecord> history, double seconds, EarlyStopping early, ClassWeights classWeights) {
    }

    /**
     * {@code metrics.json} of a run, keys in their documented order (docs/DESIGN.md, "Outputs of
     * train"); the caller adds {@code quality_gate} when a gate was set.
     */
    public static ObjectNode metrics(JobConfig config, String task, VectorizedCorpus data, Map<String, Object> test,
                                     Training training, Map<String, Double> seconds, double peakHeapMiB) {
        List<EpochRecord> history = training.history();
        EarlyStopping early = training.early();
        ObjectNode m = JSON.createObjectNode();
        m.put("name", config.name()).put("task", task);
        m.putPOJO("classes", data.vectorizer().labels().labels());
        m.put("partitions", config.train().partitions());
        m.set("test", JSON.valueToTree(test));
        m.set("history", JSON.valueToTree(history));
        m.set("seconds", JSON.valueToTree(seconds));
        m.putObject("data").put("train_rows", data.trainRows()).put("validation_rows", data.validationRows())
                .put("test_rows", data.testRows()).put("cached_train_bytes", data.trainBytes());
        ReplicaSettings replica = ReplicaSettings.of(config.train(), config.train().partitions());
        m.putObject("replicas").put("count", config.train().partitions())
                .put("averaging", config.train().averaging()).put("batch_size", replica.batchSize())
                .put("learning_rate", replica.optimizer().learningRate());
        if (training.classWeights() != null) { // the weights the training loss used, by label (train.class-weight)
            m.set("class_weight", JSON.valueToTree(training.classWeights().byLabel(data.vectorizer().labels().labels())));
        }
        m.put("train_samples_per_second", data.trainRows() * history.size() / training.seconds());
        m.putObject("memory").put("peak_heap_mib", peakHeapMiB);
        if (early != null) {
            addEarlyStopping(m, early, history.size());
        }
        return m;
    }

    /**
     * Keras's EarlyStopping attributes: {@code best_epoch}, {@code stopped_epoch} (0 when all
     * epochs ran) and, in {@code early_stopping}, the settings and which epoch's weights were kept.
     */
    private static void addEarlyStopping(ObjectNode metrics, EarlyStopping early, int epochsRun) {
        metrics.put("best_epoch", early.bestEpoch());
        metrics.put("stopped_epoch", early.stoppedEpoch());
        ObjectNode e = metrics.putObject("early_stopping");
        e.put("monitor", early.config().monitor()).put("patience", early.config().patience())
                .put("min_delta", early.config().minDelta()).put("restore_best", early.config().restoreBest())
                .put("best_value", early.best()).put("best_epoch", early.bestEpoch())
                .put("stopped_epoch", early.stoppedEpoch())
                .put("restored_epoch", early.config().restoreBest() ? early.bestEpoch() : epochsRun);
    }

    public static void writeJson(ObjectNode metrics, Path file) throws IOException {
        JSON.writeValue(file.toFile(), metrics);
    }

    public static void writeHistoryCsv(List<EpochRecord> history, Path file) throws IOException {
        boolean val = history.stream().anyMatch(r -> r.valLoss() != null);
        StringBuilder csv = new StringBuilder("epoch,loss,accuracy" + (val ? ",val_loss,val_accuracy" : "") + ",seconds\n");
        for (EpochRecord r : history) {
            csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f", r.epoch(), r.loss(), r.accuracy()));
            if (val) {
                csv.append(String.format(Locale.ROOT, ",%.6f,%.6f", r.valLoss(), r.valAccuracy()));
            }
            csv.append(String.format(Locale.ROOT, ",%.3f%n", r.seconds()));
        }
        Files.writeString(file, csv);
    }
}
