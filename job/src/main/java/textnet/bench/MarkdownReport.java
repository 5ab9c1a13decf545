package textnet.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

/** docs/benchmarks.md from the benchmark's JSON report: phase timings, comparisons, targets. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String of(JsonNode report) {
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Written by `scripts/bench`").append(report.path("quick").asBoolean() ? " (--quick: a smoke run, not the numbers to quote)" : "")
                .append(" on ").append(report.path("machine").asText()).append(".\n")
                .append("Whole-command rows are `scripts/textnet train` from JVM start to `_SUCCESS`, min / median / max over the runs;")
                .append(" comparison rows are one JVM, on the same vectorized rows, after the command runs.\n")
                .append("The runs map the class-data-sharing archive that an earlier, untimed `train` recorded (as every run")
                .append(" after a user's first does), and warm the JIT on synthetic rows while Spark starts (`train/Warmup`):")
                .append(" that CPU time is inside the whole-command time, not in \"train\".\n")
                .append("How the cost grows with millions of reviews: [benchmarks-scale.md](benchmarks-scale.md) (`scripts/bench --scale`).\n");
        for (JsonNode d : report.path("datasets")) {
            dataset(md, d);
        }
        return md.toString();
    }

    private static void dataset(StringBuilder md, JsonNode d) {
        JsonNode cmd = d.path("command");
        md.append("\n## ").append(d.path("name").asText()).append(" (").append(d.path("train_rows").asLong())
                .append(" train / ").append(d.path("test_rows").asLong()).append(" test rows)\n\n");
        if (cmd.path("runs").asInt() > 0) {
            md.append("`scripts/textnet train` (").append(cmd.path("runs").asInt()).append(" runs)\n\n")
                    .append("| phase | min | median | max |\n|---|---|---|---|\n");
            for (String p : List.of("jvm_start_to_spark", "read", "vectorize")) {
                row(md, p.replace('_', ' ') + " (s)", cmd.path(p));
            }
            for (int e = 1; cmd.has("epoch_" + e); e++) {
                row(md, "epoch " + e + " (s)", cmd.path("epoch_" + e));
            }
            row(md, "train, all epochs (s)", cmd.path("train"));
            row(md, "test evaluation (s)", cmd.path("evaluate"));
            row(md, "outputs (s)", cmd.path("outputs"));
            row(md, "JVM start to _SUCCESS, as the shell saw it (s)", cmd.path("wall_seconds"));
            row(md, "training samples/s", cmd.path("train_samples_per_second"));
            row(md, "peak heap (MiB)", cmd.path("peak_heap_mib"));
            row(md, "cached training rows (MiB)", cmd.path("cached_train_mib"));
            row(md, "test accuracy", cmd.path("test_accuracy"));
        }
        JsonNode sparse = d.path("sparse");
        JsonNode dense = d.path("dense");
        JsonNode mlp = d.path("mllib_mlp");
        JsonNode lr = d.path("mllib_logistic_regression");
        double toMlp = secondsToReach(sparse, mlp.path("test_accuracy").asDouble());
        md.append("\nSame vectorized rows, one JVM\n\n| trainer | training time (s) | median epoch (s) | test accuracy | ratio |\n|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| textnet, sparse first layer | %.2f | %.3f | %.4f | 1 |%n",
                sparse.path("train_seconds").asDouble(), sparse.path("median_epoch_seconds").asDouble(), sparse.path("test_accuracy").asDouble()));
        md.append(String.format(Locale.ROOT, "| textnet, dense first layer (%d epochs) | %.2f | %.3f | %.4f | %.1fx slower per epoch |%n",
                dense.path("epochs").size(), dense.path("train_seconds").asDouble(), dense.path("median_epoch_seconds").asDouble(),
                dense.path("test_accuracy").asDouble(),
                dense.path("median_epoch_seconds").asDouble() / sparse.path("median_epoch_seconds").asDouble()));
        md.append(String.format(Locale.ROOT, "| MLlib MultilayerPerceptronClassifier %s, l-bfgs, %d iterations | %.2f | | %.4f | %s |%n",
                mlp.path("layers").asText(), mlp.path("iterations").asInt(), mlp.path("train_seconds").asDouble(),
                mlp.path("test_accuracy").asDouble(), Double.isNaN(toMlp) ? "textnet never reached its accuracy"
                        : String.format(Locale.ROOT, "%.0fx slower to its accuracy (textnet: %.2f s)", mlp.path("train_seconds").asDouble() / toMlp, toMlp)));
        md.append(String.format(Locale.ROOT, "| MLlib LogisticRegression, %d iterations | %.2f | | %.4f | %.1fx textnet's time |%n",
                lr.path("iterations").asInt(), lr.path("train_seconds").asDouble(), lr.path("test_accuracy").asDouble(),
                lr.path("train_seconds").asDouble() / sparse.path("train_seconds").asDouble()));
        md.append(String.format(Locale.ROOT, "%nTraining samples/s (this JVM): %.0f; cached training rows: %.1f MiB.%n",
                sparse.path("samples_per_second").asDouble(), d.path("cached_train_bytes").asDouble() / (1 << 20)));
    }

    /** Training seconds until textnet's test accuracy first reached {@code accuracy}; NaN if never. */
    static double secondsToReach(JsonNode run, double accuracy) {
        for (JsonNode e : run.path("epochs")) {
            if (e.path("test_accuracy").asDouble() >= accuracy) {
                return e.path("cumulative_seconds").asDouble();
            }
        }
        return Double.NaN;
    }

    private static void row(StringBuilder md, String name, JsonNode s) {
        String f = s.path("median").asDouble() >= 1000 ? "%.0f" : "%.3f";
        md.append("| ").append(name).append(" | ").append(String.format(Locale.ROOT, f, s.path("min").asDouble()))
                .append(" | ").append(String.format(Locale.ROOT, f, s.path("median").asDouble()))
                .append(" | ").append(String.format(Locale.ROOT, f, s.path("max").asDouble())).append(" |\n");
    }
}
