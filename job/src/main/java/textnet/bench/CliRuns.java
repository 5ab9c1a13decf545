package textnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The whole-command runs {@code scripts/bench} made: {@code DIR/NAME-K/metrics.json} of each
 * {@code scripts/textnet train}, and {@code DIR/NAME-K.wall}, the wall seconds the shell measured.
 * Each phase is summarised as min / median / max over the runs.
 */
final class CliRuns {

    private CliRuns() {
    }

    static ObjectNode summary(Path dir, String name) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        List<Double> walls = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path run : files.filter(p -> p.getFileName().toString().startsWith(name + "-") && Files.isDirectory(p))
                    .sorted().toList()) {
                runs.add(Benchmark.read(run.resolve("metrics.json")));
                walls.add(Double.parseDouble(Files.readString(dir.resolve(run.getFileName() + ".wall")).trim()));
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("runs", runs.size());
        if (runs.isEmpty()) {
            return out;
        }
        out.set("wall_seconds", stats(walls));
        Map<String, Function<JsonNode, Double>> phases = new java.util.LinkedHashMap<>();
        for (String phase : List.of("jvm_start_to_spark", "read", "vectorize", "read_vectorize", "train", "evaluate", "outputs", "total")) {
            phases.put(phase, m -> m.path("seconds").path(phase).asDouble());
        }
        phases.put("train_samples_per_second", m -> m.path("train_samples_per_second").asDouble());
        phases.put("peak_heap_mib", m -> m.path("memory").path("peak_heap_mib").asDouble());
        phases.put("cached_train_mib", m -> m.path("data").path("cached_train_bytes").asDouble() / (1 << 20));
        phases.put("test_accuracy", m -> m.path("test").path("accuracy").asDouble());
        phases.forEach((phase, value) -> out.set(phase, stats(runs.stream().map(value).toList())));
        int epochs = runs.get(0).path("history").size();
        for (int e = 0; e < epochs; e++) {
            int epoch = e;
            out.set("epoch_" + (e + 1), stats(runs.stream().map(m -> m.path("history").get(epoch).path("seconds").asDouble()).toList()));
        }
        return out;
    }

    private static ObjectNode stats(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("min", v[0]).put("median", Benchmark.median(v)).put("max", v[v.length - 1]);
        return s;
    }
}
