package textnet.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import textnet.train.EpochRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code metrics.json} and {@code history.csv} of a run (DESIGN.md, "Outputs of train"). */
public final class MetricsReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsReport() {
    }

    public static ObjectNode metrics(String name, String task, List<String> classes, int partitions,
                                     Map<String, Object> test, List<EpochRecord> history, Map<String, Double> seconds) {
        ObjectNode m = JSON.createObjectNode();
        m.put("name", name).put("task", task);
        m.putPOJO("classes", classes);
        m.put("partitions", partitions);
        m.set("test", JSON.valueToTree(test));
        m.set("history", JSON.valueToTree(history));
        m.set("seconds", JSON.valueToTree(seconds));
        return m;
    }

    /**
     * Keras's EarlyStopping attributes: {@code best_epoch}, {@code stopped_epoch} (0 when all
     * epochs ran) and, in {@code early_stopping}, the settings and which epoch's weights were kept.
     */
    public static void addEarlyStopping(ObjectNode metrics, EarlyStopping early, int epochsRun) {
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
