package textnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import textnet.config.Averaging;

import java.util.List;
import java.util.Locale;

/** docs/benchmarks-replicas.md from {@link ReplicaBench}'s report. */
final class ReplicaMarkdown {

    private ReplicaMarkdown() {
    }

    static String of(JsonNode report, List<Integer> ks) {
        StringBuilder md = new StringBuilder("# Replicas: accuracy and cost against K\n\n");
        md.append("Written by `scripts/bench --replicas` (").append(report.path("machine").asText())
                .append("). Each run is the tutorial config (`conf/imdb.yaml`, `conf/reuters.yaml` on R52) with only")
                .append(" `train.partitions` (K) and `train.averaging` changed, trained in one JVM; test accuracy")
                .append(" after the last epoch. Bytes an epoch: the state (parameters + optimizer state, float32)")
                .append(" broadcast to K one-core executors and K results back. Projected epoch on K cores: the")
                .append(" median epoch's slowest training task (measured here, where the K tasks share 2 cores, so")
                .append(" each ran alone or with one other) plus those bytes over a 10 Gb/s network; it leaves out")
                .append(" task scheduling and the driver's averaging, which the measured epoch includes.\n\n");
        for (String dataset : List.of("imdb", "r52")) {
            md.append("## ").append(dataset.equals("imdb") ? "IMDB (4 epochs)" : "R52 (`conf/reuters.yaml`)").append("\n\n");
            md.append("| K | split-batch accuracy | plain accuracy | split-batch epoch (s) | samples/s | slowest task (s)")
                    .append(" | bytes an epoch | projected epoch on K cores (s) |\n|---|---|---|---|---|---|---|---|\n");
            for (int k : ks) {
                JsonNode split = find(report, dataset, Averaging.SPLIT_BATCH.key(), k);
                JsonNode plain = find(report, dataset, Averaging.PLAIN.key(), k);
                if (split == null) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %d | %.4f | %s | %.2f | %,.0f | %.2f | %,d | %.2f |%n", k,
                        split.path("test_accuracy").asDouble(),
                        plain == null ? "–" : String.format(Locale.ROOT, "%.4f", plain.path("test_accuracy").asDouble()),
                        split.path("median_epoch_seconds").asDouble(), split.path("train_samples_per_second").asDouble(),
                        split.path("slowest_train_task_seconds").asDouble(), split.path("bytes_per_epoch").asLong(),
                        split.path("projected_epoch_seconds_on_k_cores").asDouble()));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static JsonNode find(JsonNode report, String dataset, String averaging, int k) {
        for (JsonNode run : report.path("runs")) {
            if (run.path("dataset").asText().equals(dataset) && run.path("averaging").asText().equals(averaging)
                    && run.path("replicas").asInt() == k) {
                return run;
            }
        }
        return null;
    }
}
