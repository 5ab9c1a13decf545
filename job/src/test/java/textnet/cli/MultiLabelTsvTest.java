package textnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multi-label data in a TSV ('|'-joined label sets, the empty set too): train, then predict's label
 * sets scored by hand (a plain count of true and false positives over predict's CSV) give exactly the
 * run's distributed micro-F1 and subset accuracy; the quality gate takes the multi-label metrics; class
 * weights and a test class training never saw are refused with one line.
 */
class MultiLabelTsvTest {

    @TempDir
    static Path dir;

    private static final String[] TOPICS = {"money", "sport", "weather"};
    private static final String[][] WORDS = {
            {"bank", "dollar", "rates", "profit", "shares"},
            {"match", "goal", "team", "league", "coach"},
            {"rain", "storm", "sunny", "wind", "forecast"}};
    private static final String[] FILLER = {"the", "a", "said", "on", "today", "and", "of", "in", "it", "was"};

    /** Each row has each topic with probability 0.4 (so some have none) and words of its topics among filler. */
    static String tsv(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            List<Integer> topics = new ArrayList<>();
            for (int t = 0; t < TOPICS.length; t++) {
                if (r.nextInt(10) < 4) {
                    topics.add(t);
                }
            }
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 14; w++) {
                String[] pool = !topics.isEmpty() && r.nextInt(3) == 0 ? WORDS[topics.get(r.nextInt(topics.size()))] : FILLER;
                text.append(pool[r.nextInt(pool.length)]).append(' ');
            }
            // the file spells sets in any order, with spaces: the reader normalizes them
            List<String> names = new ArrayList<>(topics.stream().map(t -> TOPICS[t]).toList());
            java.util.Collections.reverse(names);
            sb.append(String.join(" | ", names)).append('\t').append(text.toString().strip()).append('\n');
        }
        return sb.toString();
    }

    private static Path train;
    private static Path test;

    @BeforeAll
    static void data() throws Exception {
        SparkTestSupport.spark();
        train = Files.writeString(dir.resolve("train.tsv"), tsv(800, 1));
        test = Files.writeString(dir.resolve("test.tsv"), tsv(300, 2));
    }

    private static List<String> args(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", SparkTestSupport.project().resolve("conf/imdb.yaml").toString(),
                "--out", out.toString(), "--master", "local[2]", "--set", "data.format=tsv", "--set", "data.train=" + train,
                "--set", "data.test=" + test, "--set", "data.labels=multi", "--set", "train.epochs=15",
                "--set", "train.batch-size=32"));
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    void predictedSetsReproduceTheDistributedMetrics() throws Exception {
        Path out = dir.resolve("run");
        CliRunner.Outcome run = CliRunner.run(args(out, "--min-metric", "micro_f1=0.5").toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("- subset_accuracy: "), run.out());
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals("multi-label", m.path("task").asText());
        assertEquals(List.of("money", "sport", "weather"), List.of(m.path("classes").get(0).asText(),
                m.path("classes").get(1).asText(), m.path("classes").get(2).asText()));
        JsonNode t = m.path("test");
        assertTrue(t.path("micro_f1").asDouble() > 0.8, t.toString());
        assertTrue(m.path("quality_gate").path("passed").asBoolean(), m.toString());

        CliRunner.Outcome single = CliRunner.run("evaluate", "--model", out.resolve("model").toString(),
                "--set", "data.labels=single", "--master", "local[2]");
        assertEquals(2, single.exitCode(), single.toString());
        assertTrue(single.err().contains("textnet: error: config key 'data.labels': the model was trained on multi-label"),
                single.err());

        Path predictions = dir.resolve("predictions.csv");
        CliRunner.Outcome predict = CliRunner.run("predict", "--model", out.resolve("model").toString(),
                "--input", test.toString(), "--output", predictions.toString(), "--master", "local[2]");
        assertEquals(0, predict.exitCode(), predict.toString());
        List<String> lines = Files.readAllLines(predictions);
        assertEquals("id,labels,p_money,p_sport,p_weather", lines.get(0));
        List<String> truth = Files.readAllLines(test).stream().map(l -> l.substring(0, l.indexOf('\t'))).toList();
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long exact = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            Set<String> predicted = names(f[1]);
            Set<String> actual = names(truth.get(Integer.parseInt(f[0])));
            for (String c : TOPICS) {
                tp += predicted.contains(c) && actual.contains(c) ? 1 : 0;
                fp += predicted.contains(c) && !actual.contains(c) ? 1 : 0;
                fn += !predicted.contains(c) && actual.contains(c) ? 1 : 0;
            }
            exact += predicted.equals(actual) ? 1 : 0;
        }
        assertEquals(300, lines.size() - 1);
        assertEquals(2.0 * tp / (2 * tp + fp + fn), t.path("micro_f1").asDouble(), 1e-12);
        assertEquals((double) exact / 300, t.path("subset_accuracy").asDouble(), 1e-12);
        assertEquals((double) (fp + fn) / (300 * 3), t.path("hamming_loss").asDouble(), 1e-12);
    }

    private static Set<String> names(String field) {
        Set<String> names = new TreeSet<>();
        for (String n : field.split("\\|")) {
            if (!n.isBlank()) {
                names.add(n.strip());
            }
        }
        return names;
    }

    @Test
    void classWeightsAndUnknownTestClassesAreRefused() throws Exception {
        CliRunner.Outcome weighted = CliRunner.run(args(dir.resolve("weighted"), "--set", "train.class-weight=balanced")
                .toArray(String[]::new));
        assertEquals(2, weighted.exitCode(), weighted.toString());
        assertTrue(weighted.err().contains("textnet: error: config key 'train.class-weight'"), weighted.err());

        Path odd = Files.writeString(dir.resolve("odd-test.tsv"), "sport|chess\tthe match and the goal today\n");
        List<String> a = args(dir.resolve("odd"));
        a.set(a.indexOf("data.test=" + test), "data.test=" + odd);
        CliRunner.Outcome unknown = CliRunner.run(a.toArray(String[]::new));
        assertEquals(3, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("label 'chess' does not occur in the training split"), unknown.err());
        assertEquals(1, unknown.err().lines().filter(l -> l.startsWith("textnet: error:")).count(), unknown.err());
    }
}
