package textnet.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** docs/benchmarks-scale.md from {@link ScaleReport}'s JSON: results, phases, linear cost, the targets. */
final class ScaleMarkdown {

    private ScaleMarkdown() {
    }

    static String of(JsonNode report) {
        List<JsonNode> configurations = new ArrayList<>();
        report.path("configurations").forEach(configurations::add);
        StringBuilder md = new StringBuilder("# Scale benchmarks\n\n");
        md.append("Written by `scripts/bench --scale`")
                .append(report.path("quick").asBoolean() ? " --quick (a smoke run: not the numbers to quote)" : "")
                .append(". Each run is `").append(report.path("command").asText()).append("`: the IMDB tutorial")
                .append(" (vocabulary 10,000, Dense 16-16-1, 4 epochs of batch 512, 2 partitions) on N training reviews")
                .append(" and IMDB's 25,000 test reviews, with the launcher's defaults (heap `default`: a sixth of the machine's memory) unless the heap column")
                .append(" says otherwise. Cells are median (min–max) over the runs that succeeded.\n\n")
                .append("* Corpora: `textnet.bench.ScaleCorpus` (seed 42) from the IMDB archive: the 25,000 training reviews,")
                .append(" then reviews that each join the first half of the sentences of one training review with the second")
                .append(" half of another's of the same class (tabs, line breaks and `<br />` made spaces).\n")
                .append("* Wall: JVM start to `_SUCCESS`, as the shell saw it. Peak RSS: the JVM's maximum resident set")
                .append(" (GNU time). Text MB/s: UTF-8 bytes of training + test text (10^6 bytes a MB) / read + vectorize")
                .append(" seconds. Samples/s: training rows × epochs / training seconds (textnet's `metrics.json`).\n");
        md.append("\n## Results\n\n")
                .append("| training reviews | format | heap | runs ok | JVM start to _SUCCESS (s) | read + vectorize (s) | text MB/s")
                .append(" | train (s) | samples/s | evaluate (s) | peak RSS (MiB) | peak heap (MiB) | test accuracy |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (JsonNode c : configurations) {
            JsonNode s = c.path("summary");
            md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %d/%d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    c.path("size").asLong(), c.path("format").asText(), c.path("heap").asText(), c.path("succeeded").asInt(),
                    c.path("runs").size(), cell(s, "wall_seconds", "%.1f"), cell(s, "read_vectorize_seconds", "%.1f"),
                    cell(s, "text_mb_per_second", "%.1f"), cell(s, "train_seconds", "%.1f"),
                    cell(s, "train_samples_per_second", "%,.0f"), cell(s, "evaluate_seconds", "%.1f"),
                    cell(s, "peak_rss_mib", "%,.0f"), cell(s, "peak_heap_mib", "%,.0f"), cell(s, "test_accuracy", "%.4f")));
        }
        List<String> busy = new ArrayList<>();
        for (JsonNode c : configurations) {
            int cores = c.path("cores").asInt(Runtime.getRuntime().availableProcessors());
            double load = 0;
            for (JsonNode r : c.path("runs")) {
                load = Math.max(load, r.path("load_before").asDouble());
            }
            if (load > cores) {
                busy.add(String.format(Locale.ROOT, "%,d %s %s (load up to %.1f on %d cores)", c.path("size").asLong(),
                        c.path("format").asText(), c.path("heap").asText(), load, cores));
            }
        }
        if (!busy.isEmpty()) {
            md.append("\n**Busy machine:** other work was running during ").append(String.join("; ", busy))
                    .append(": those timings are slower than the code is (compare sizes measured together, not across")
                    .append(" sessions; the load and CPU pressure of each run are below).\n");
        }
        md.append("\nPhases (median seconds; `metrics.json`'s `seconds`)\n\n")
                .append("| training reviews | format | heap | JVM start to Spark | read | vectorize | train | evaluate | outputs")
                .append(" | total | wall per 1,000 reviews | read + vectorize + train per 1,000 reviews |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (JsonNode c : configurations) {
            JsonNode s = c.path("summary");
            md.append(String.format(Locale.ROOT, "| %,d | %s | %s", c.path("size").asLong(), c.path("format").asText(),
                    c.path("heap").asText()));
            for (String v : List.of("jvm_start_to_spark_seconds", "read_seconds", "vectorize_seconds", "train_seconds",
                    "evaluate_seconds", "outputs_seconds", "total_seconds", "wall_seconds_per_1k_reviews",
                    "read_vectorize_train_seconds_per_1k_reviews")) {
                md.append(" | ").append(median(s, v, "%.3f"));
            }
            md.append(" |\n");
        }
        linearCost(md, report.path("linear_cost"));
        targets(md, configurations, report.path("linear_cost"));
        corpora(md, configurations);
        failures(md, configurations);
        return md.toString();
    }

    private static void linearCost(StringBuilder md, JsonNode ratios) {
        md.append("\n## Linear cost\n\nEach size against the next smaller one of the same format and heap; 1.00 is")
                .append(" linear (the fixed costs — JVM and Spark start, the 25,000 test reviews — make small sizes")
                .append(" look worse per review).\n\n")
                .append("| format | heap | sizes | wall per review | read + vectorize + train per review | peak RSS |\n")
                .append("|---|---|---|---|---|---|\n");
        if (ratios.isEmpty()) {
            md.append("| (needs two sizes) | | | | | |\n");
        }
        for (JsonNode r : ratios) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d → %,d | %.2f× | %.2f× | %.2f× |%n",
                    r.path("format").asText(), r.path("heap").asText(), r.path("from").asLong(), r.path("to").asLong(),
                    r.path("wall_seconds_per_1k_reviews_ratio").asDouble(),
                    r.path("read_vectorize_train_seconds_per_1k_reviews_ratio").asDouble(),
                    r.path("peak_rss_mib_ratio").asDouble()));
        }
    }

    /** The targets against the largest TSV size measured; informational, nothing is asserted. */
    private static void targets(StringBuilder md, List<JsonNode> configurations, JsonNode ratios) {
        JsonNode largest = null;
        JsonNode smallHeap = null;
        for (JsonNode c : configurations) {
            if (c.path("format").asText().equals("tsv") && c.path("heap").asText().equals("default")) {
                largest = c;
            }
        }
        if (largest == null) {
            return;
        }
        for (JsonNode c : configurations) {
            if (c.path("size").asLong() == largest.path("size").asLong() && c.path("heap").asText().equals("-Xmx3g")) {
                smallHeap = c;
            }
        }
        JsonNode ratio = null;
        for (JsonNode r : ratios) {
            if (r.path("to").asLong() == largest.path("size").asLong() && r.path("format").asText().equals("tsv")
                    && r.path("heap").asText().equals("default")) {
                ratio = r;
            }
        }
        JsonNode s = largest.path("summary");
        md.append(String.format(Locale.ROOT, "%n## The issue's targets%n%nAt the largest TSV size measured (%,d reviews;"
                + " the targets are set for 2,500,000). Informational: nothing here is asserted.%n%n"
                + "| target | measured | |%n|---|---|---|%n", largest.path("size").asLong()));
        target(md, "read + vectorize ≥ 100 MB/s of text", median(s, "text_mb_per_second", "%.1f MB/s"),
                s.path("text_mb_per_second").path("median").asDouble() >= 100);
        target(md, "training ≥ 400,000 samples/s", median(s, "train_samples_per_second", "%,.0f"),
                s.path("train_samples_per_second").path("median").asDouble() >= 400_000);
        target(md, "peak RSS ≤ 5 GB (5,120 MiB)", median(s, "peak_rss_mib", "%,.0f MiB"),
                s.path("peak_rss_mib").path("median").asDouble() <= 5120 && largest.path("succeeded").asInt() > 0);
        if (smallHeap != null) {
            int ok = smallHeap.path("succeeded").asInt();
            target(md, "completes with `TEXTNET_JAVA_OPTS=-Xmx3g`", ok + "/" + smallHeap.path("runs").size()
                    + " runs succeeded (exit codes " + exits(smallHeap) + ")", ok == smallHeap.path("runs").size());
        }
        if (ratio != null) {
            String sizes = String.format(Locale.ROOT, " (%,d → %,d)", ratio.path("from").asLong(), ratio.path("to").asLong());
            double time = ratio.path("wall_seconds_per_1k_reviews_ratio").asDouble();
            double rss = ratio.path("peak_rss_mib_ratio").asDouble();
            target(md, "seconds per review ≤ 1.25× the 10× smaller size's", String.format(Locale.ROOT, "%.2f×", time) + sizes,
                    time <= 1.25);
            target(md, "peak RSS ≤ 1.5× the 10× smaller size's", String.format(Locale.ROOT, "%.2f×", rss) + sizes, rss <= 1.5);
        }
    }

    private static void target(StringBuilder md, String name, String measured, boolean met) {
        md.append("| ").append(name).append(" | ").append(measured).append(" | ").append(met ? "met" : "not met").append(" |\n");
    }

    private static void corpora(StringBuilder md, List<JsonNode> configurations) {
        md.append("\n## Corpora and when they were measured\n\n")
                .append("| training reviews | format | heap | training file (MB) | training text (MB) | generation (s)")
                .append(" | measured | commit | load before each run (CPU pressure after) | machine |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (JsonNode c : configurations) {
            JsonNode k = c.path("corpus");
            md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %,.1f | %,.1f | %.1f | %s | %s | %s | %s |%n", c.path("size").asLong(),
                    c.path("format").asText(), c.path("heap").asText(), k.path("train_file_bytes").asLong() / 1e6,
                    k.path("train_text_bytes").asLong() / 1e6, k.path("generation_seconds").asDouble(),
                    c.path("date").asText(), c.path("commit").asText(), loads(c), c.path("machine").asText()));
        }
        md.append("\nGeneration is timed when the file is written (reading the archive included) and kept in its marker;")
                .append(" later runs reuse the file. The load is the 1-minute load average before each run; the CPU pressure")
                .append(" (Linux PSI, `some avg60`) the share of the minute before the run ended in which a runnable task")
                .append(" waited for a CPU. On a machine shared with other work, a load above the core count or a high")
                .append(" pressure means the timings are slowed.\n");
    }

    private static void failures(StringBuilder md, List<JsonNode> configurations) {
        StringBuilder rows = new StringBuilder();
        for (JsonNode c : configurations) {
            for (JsonNode r : c.path("runs")) {
                if (r.path("exit").asInt() != 0) {
                    rows.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %,.0f | %s |%n", c.path("key").asText(),
                            r.path("run").asInt(), r.path("exit").asInt(), r.path("wall_seconds").asDouble(),
                            r.path("peak_rss_mib").asDouble(), r.path("error").asText().replace("|", "\\|")));
                }
            }
        }
        if (!rows.isEmpty()) {
            md.append("\n## Runs that failed\n\n| configuration | run | exit code | wall (s) | peak RSS (MiB) | error line |\n")
                    .append("|---|---|---|---|---|---|\n").append(rows);
        }
    }

    private static String loads(JsonNode c) {
        List<String> loads = new ArrayList<>();
        c.path("runs").forEach(r -> loads.add(r.path("load_before").asText()
                + (r.path("cpu_pressure_after").asText().isEmpty() ? "" : " (" + r.path("cpu_pressure_after").asText() + "%)")));
        return String.join(", ", loads);
    }

    private static String exits(JsonNode c) {
        List<String> codes = new ArrayList<>();
        c.path("runs").forEach(r -> codes.add(r.path("exit").asText()));
        return String.join(", ", codes);
    }

    private static String cell(JsonNode summary, String value, String format) {
        JsonNode v = summary.path(value);
        if (v.isMissingNode()) {
            return "–";
        }
        String median = String.format(Locale.ROOT, format, v.path("median").asDouble());
        if (v.path("min").asDouble() == v.path("max").asDouble()) {
            return median;
        }
        return median + " (" + String.format(Locale.ROOT, format, v.path("min").asDouble()) + "–"
                + String.format(Locale.ROOT, format, v.path("max").asDouble()) + ")";
    }

    private static String median(JsonNode summary, String value, String format) {
        JsonNode v = summary.path(value);
        return v.isMissingNode() ? "–" : String.format(Locale.ROOT, format, v.path("median").asDouble());
    }
}
