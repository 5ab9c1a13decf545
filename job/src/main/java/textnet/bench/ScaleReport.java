package textnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The report of {@code scripts/bench --scale}: folds the runs the script made ({@code RUNS_DIR/NAME.props},
 * what the shell measured: exit code, wall seconds, peak RSS; and {@code RUNS_DIR/NAME/metrics.json}, what
 * textnet measured) and the corpora's markers into {@code REPORT.json} and {@code REPORT.md}.
 *
 * <p>A configuration is (training rows, format, heap). Configurations not run this time are kept from
 * the previous {@code REPORT.json}, each with the date and commit it was measured at, so that sizes can be
 * measured at different times (the 2.5M runs take long).
 *
 * <p>Usage: {@code ScaleReport SCALE_DIR RUNS_DIR REPORT.json REPORT.md [--quick]}. With {@code --quick}
 * nothing is merged and the runs are checked instead: every run succeeded with a plausible accuracy
 * (exit 1 otherwise); nothing timed is asserted.
 */
public final class ScaleReport {

    static final double MIN_PLAUSIBLE_ACCURACY = 0.8;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScaleReport() {
    }

    public static void main(String[] args) throws Exception {
        Path scaleDir = Paths.get(args[0]);
        Path runsDir = Paths.get(args[1]);
        Path reportJson = Paths.get(args[2]);
        boolean quick = args.length > 4 && args[4].equals("--quick");
        Properties bench = properties(runsDir.resolve("bench.props"));
        List<ObjectNode> measured = configurations(scaleDir, runsDir, bench);
        JsonNode previous = !quick && Files.isRegularFile(reportJson) ? JSON.readTree(reportJson.toFile()) : null;
        ObjectNode report = report(measured, previous, bench, quick);
        JSON.writeValue(reportJson.toFile(), report);
        Files.writeString(Paths.get(args[3]), ScaleMarkdown.of(report));
        List<String> problems = quick ? checkQuick(measured) : List.of();
        for (ObjectNode c : measured) {
            JsonNode s = c.path("summary");
            if (c.path("succeeded").asInt() == 0) {
                System.out.printf("bench: %s: no run succeeded%n", c.path("key").asText());
                continue;
            }
            System.out.printf(java.util.Locale.ROOT, "bench: %s: %d/%d runs succeeded; median wall %.1f s, read+vectorize"
                            + " %.1f MB/s, %.0f samples/s, peak RSS %.0f MiB, accuracy %.4f%n",
                    c.path("key").asText(), c.path("succeeded").asInt(), c.path("runs").size(),
                    s.path("wall_seconds").path("median").asDouble(), s.path("text_mb_per_second").path("median").asDouble(),
                    s.path("train_samples_per_second").path("median").asDouble(),
                    s.path("peak_rss_mib").path("median").asDouble(), s.path("test_accuracy").path("median").asDouble());
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("bench: FAILED: " + p));
            System.exit(1);
        }
        if (quick) {
            System.out.println("bench: scale smoke checks passed");
        }
    }

    /** The quick mode's checks: each run exited 0, published its run folder, read every row and learnt. */
    static List<String> checkQuick(List<ObjectNode> configurations) {
        List<String> problems = new ArrayList<>();
        if (configurations.isEmpty()) {
            problems.add("no runs");
        }
        for (JsonNode c : configurations) {
            for (JsonNode run : c.path("runs")) {
                String name = c.path("key").asText() + " run " + run.path("run").asInt();
                if (run.path("exit").asInt() != 0 || !run.path("published").asBoolean()) {
                    problems.add(name + " exited with code " + run.path("exit").asInt()
                            + (run.path("published").asBoolean() ? "" : " and published no run folder"));
                    continue;
                }
                if (run.path("train_rows").asLong() != c.path("size").asLong()
                        || run.path("test_rows").asLong() != c.path("corpus").path("test_rows").asLong()) {
                    problems.add(name + " read " + run.path("train_rows").asLong() + " train / "
                            + run.path("test_rows").asLong() + " test rows, expected " + c.path("size").asLong()
                            + " / " + c.path("corpus").path("test_rows").asLong());
                }
                if (!(run.path("test_accuracy").asDouble() >= MIN_PLAUSIBLE_ACCURACY)) {
                    problems.add(name + " test accuracy " + run.path("test_accuracy").asDouble() + " is below "
                            + MIN_PLAUSIBLE_ACCURACY);
                }
            }
        }
        return problems;
    }

    /** One object per (size, format, heap) run this time, in that order. */
    static List<ObjectNode> configurations(Path scaleDir, Path runsDir, Properties bench) throws IOException {
        Map<String, List<Properties>> byKey = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(runsDir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".props")
                    && !f.getFileName().toString().equals("bench.props")).sorted().toList()) {
                Properties run = properties(p);
                byKey.computeIfAbsent(key(run), k -> new ArrayList<>()).add(run);
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        for (List<Properties> runs : byKey.values()) {
            out.add(configuration(scaleDir, runsDir, runs, bench));
        }
        out.sort(ORDER);
        return out;
    }

    static final Comparator<JsonNode> ORDER = Comparator.<JsonNode>comparingLong(c -> c.path("size").asLong())
            .thenComparing(c -> c.path("format").asText())
            .thenComparing(c -> !c.path("heap").asText().equals("default"))
            .thenComparing(c -> c.path("heap").asText());

    private static String key(Properties run) {
        return run.getProperty("size") + "/" + run.getProperty("format") + "/" + run.getProperty("heap");
    }

    private static ObjectNode configuration(Path scaleDir, Path runsDir, List<Properties> runs, Properties bench)
            throws IOException {
        Properties first = runs.get(0);
        long size = Long.parseLong(first.getProperty("size"));
        String format = first.getProperty("format");
        ObjectNode c = JSON.createObjectNode();
        c.put("key", key(first)).put("size", size).put("format", format).put("heap", first.getProperty("heap"))
                .put("date", bench.getProperty("date", "")).put("commit", bench.getProperty("commit", ""))
                .put("machine", Machine.describe()).put("cores", Runtime.getRuntime().availableProcessors());
        JsonNode train = ScaleCorpus.marker(scaleDir.resolve("train-" + size + "." + format));
        JsonNode test = ScaleCorpus.marker(scaleDir.resolve("test." + format));
        c.putObject("corpus")
                .put("train_rows", train.path("rows").asLong())
                .put("train_file_bytes", train.path("bytes").asLong())
                .put("train_text_bytes", train.path("text_bytes").asLong())
                .put("test_rows", test.path("rows").asLong())
                .put("test_text_bytes", test.path("text_bytes").asLong())
                .put("generation_seconds", train.path("read_archive_seconds").asDouble() + train.path("write_seconds").asDouble())
                .put("seed", train.path("seed").asLong())
                .put("generator", train.path("generator").asText());
        long textBytes = train.path("text_bytes").asLong() + test.path("text_bytes").asLong();
        ArrayNode out = c.putArray("runs");
        int succeeded = 0;
        for (Properties run : runs) {
            ObjectNode r = out.addObject();
            r.put("run", Integer.parseInt(run.getProperty("run")))
                    .put("exit", Integer.parseInt(run.getProperty("exit")))
                    .put("wall_seconds", Double.parseDouble(run.getProperty("wall_seconds")))
                    .put("peak_rss_mib", Long.parseLong(run.getProperty("peak_rss_kib")) / 1024.0)
                    .put("load_before", run.getProperty("load_before"))
                    .put("load_after", run.getProperty("load_after"))
                    .put("cpu_pressure_after", run.getProperty("cpu_pressure_after", ""));
            Path runDir = runsDir.resolve(run.getProperty("name"));
            r.put("published", Files.isRegularFile(runDir.resolve("_SUCCESS")));
            Path metricsFile = runDir.resolve("metrics.json");
            if (!Files.isRegularFile(metricsFile)) {
                r.put("error", Files.isRegularFile(runsDir.resolve(run.getProperty("name") + ".log"))
                        ? lastErrorLine(runsDir.resolve(run.getProperty("name") + ".log")) : "");
                continue;
            }
            JsonNode m = JSON.readTree(metricsFile.toFile());
            double readVectorize = m.path("seconds").path("read_vectorize").asDouble();
            r.set("seconds", m.path("seconds"));
            r.put("train_samples_per_second", m.path("train_samples_per_second").asDouble())
                    .put("text_mb_per_second", textBytes / 1e6 / readVectorize)
                    .put("wall_seconds_per_1k_reviews", 1000 * r.path("wall_seconds").asDouble() / size)
                    .put("read_vectorize_train_seconds_per_1k_reviews",
                            1000 * (readVectorize + m.path("seconds").path("train").asDouble()) / size)
                    .put("peak_heap_mib", m.path("memory").path("peak_heap_mib").asDouble())
                    .put("cached_train_mib", m.path("data").path("cached_train_bytes").asDouble() / (1 << 20))
                    .put("train_rows", m.path("data").path("train_rows").asLong())
                    .put("test_rows", m.path("data").path("test_rows").asLong())
                    .put("test_accuracy", m.path("test").path("accuracy").asDouble());
            if (r.path("exit").asInt() == 0) {
                succeeded++;
            }
        }
        c.put("succeeded", succeeded);
        c.set("summary", summary(out));
        return c;
    }

    /** min / median / max of every measurement over the runs that exited 0. */
    private static ObjectNode summary(ArrayNode runs) {
        List<JsonNode> ok = new ArrayList<>();
        runs.forEach(r -> {
            if (r.path("exit").asInt() == 0 && r.has("seconds")) {
                ok.add(r);
            }
        });
        ObjectNode s = JSON.createObjectNode();
        if (ok.isEmpty()) {
            return s;
        }
        Map<String, ToDoubleFunction<JsonNode>> values = new LinkedHashMap<>();
        for (String v : List.of("wall_seconds", "peak_rss_mib", "train_samples_per_second", "text_mb_per_second",
                "wall_seconds_per_1k_reviews", "read_vectorize_train_seconds_per_1k_reviews", "peak_heap_mib",
                "cached_train_mib", "test_accuracy")) {
            values.put(v, r -> r.path(v).asDouble());
        }
        for (String phase : List.of("jvm_start_to_spark", "read", "vectorize", "read_vectorize", "train", "evaluate",
                "outputs", "total")) {
            values.put(phase + "_seconds", r -> r.path("seconds").path(phase).asDouble());
        }
        values.forEach((name, f) -> {
            double[] v = ok.stream().mapToDouble(f).sorted().toArray();
            s.putObject(name).put("min", v[0]).put("median", Benchmark.median(v)).put("max", v[v.length - 1]);
        });
        return s;
    }

    static ObjectNode report(List<ObjectNode> measured, JsonNode previous, Properties bench, boolean quick) {
        ObjectNode report = JSON.createObjectNode();
        report.put("quick", quick);
        report.put("machine", Machine.describe());
        report.put("command", "scripts/textnet train conf/imdb.yaml --set data.format=FORMAT --set data.train=..."
                + " --set data.test=... --master local[2]");
        List<JsonNode> all = new ArrayList<>(measured);
        if (previous != null) {
            List<String> keys = measured.stream().map(c -> c.path("key").asText()).toList();
            previous.path("configurations").forEach(c -> {
                if (!keys.contains(c.path("key").asText())) {
                    all.add(c);
                }
            });
        }
        all.sort(ORDER);
        ArrayNode configurations = report.putArray("configurations");
        all.forEach(configurations::add);
        report.set("linear_cost", linearCost(all));
        return report;
    }

    /**
     * Each size against the next smaller one measured with the same format and heap: how much the cost
     * per review grew (1 = linear). Medians of the successful runs.
     */
    static ArrayNode linearCost(List<JsonNode> configurations) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode big : configurations) {
            JsonNode small = null;
            for (JsonNode c : configurations) {
                boolean sameKind = c.path("format").asText().equals(big.path("format").asText())
                        && c.path("heap").asText().equals(big.path("heap").asText());
                if (sameKind && c.path("size").asLong() < big.path("size").asLong() && c.path("summary").size() > 0
                        && (small == null || c.path("size").asLong() > small.path("size").asLong())) {
                    small = c;
                }
            }
            if (small == null || big.path("summary").size() == 0) {
                continue;
            }
            ObjectNode r = out.addObject();
            r.put("format", big.path("format").asText()).put("heap", big.path("heap").asText())
                    .put("from", small.path("size").asLong()).put("to", big.path("size").asLong());
            for (String v : List.of("wall_seconds_per_1k_reviews", "read_vectorize_train_seconds_per_1k_reviews",
                    "peak_rss_mib")) {
                r.put(v + "_ratio", median(big, v) / median(small, v));
            }
        }
        return out;
    }

    static double median(JsonNode configuration, String value) {
        return configuration.path("summary").path(value).path("median").asDouble(Double.NaN);
    }

    private static String lastErrorLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("textnet: error:")) {
                return lines.get(i);
            }
        }
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p;
    }
}
