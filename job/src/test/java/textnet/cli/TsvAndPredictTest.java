package textnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any labelled TSV with the tutorial network, then predict and evaluate with the saved model. */
class TsvAndPredictTest {

    @TempDir
    Path dir;

    private static final String[] GOOD = {"great", "wonderful", "superb", "moving", "brilliant", "fun"};
    private static final String[] BAD = {"awful", "boring", "dull", "terrible", "waste", "bland"};
    private static final String[] FILLER = {"the", "film", "a", "plot", "actor", "was", "and", "it", "story", "scene"};

    /** Sentences whose label is the majority of sentiment words in them. */
    static String tsv(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            boolean positive = r.nextBoolean();
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                String[] pool = r.nextInt(3) == 0 ? (r.nextInt(4) == 0 == positive ? BAD : GOOD) : FILLER;
                text.append(pool[r.nextInt(pool.length)]).append(w % 5 == 4 ? "\t" : " ");
            }
            sb.append(positive ? "yes" : "no").append('\t').append(text.toString().strip()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void trainOnTsvThenPredictAndEvaluate() throws Exception {
        SparkTestSupport.spark();
        Path train = Files.writeString(dir.resolve("train.tsv"), tsv(600, 1));
        Path test = Files.writeString(dir.resolve("test.tsv"), tsv(200, 2));
        Path out = dir.resolve("run");
        CliRunner.Outcome run = CliRunner.run("train", SparkTestSupport.project().resolve("conf/imdb.yaml").toString(),
                "--out", out.toString(), "--set", "data.format=tsv", "--set", "data.train=" + train,
                "--set", "data.test=" + test, "--set", "train.epochs=20", "--set", "train.batch-size=32",
                "--set", "data.validation=100");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Epoch 20/20"), run.out());
        assertTrue(run.out().contains("val_accuracy"), run.out());
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        double accuracy = m.path("test").path("accuracy").asDouble();
        assertTrue(accuracy > 0.75, "learns the noisy toy TSV well above chance (0.5): " + accuracy);
        assertTrue(m.path("history").get(0).has("val_loss"));
        String csv = Files.readString(out.resolve("history.csv"));
        assertTrue(csv.startsWith("epoch,loss,accuracy,val_loss,val_accuracy,seconds\n"), csv);
        assertEquals(21, csv.lines().count());

        // predict on the test TSV: its accuracy against the true labels is the training run's
        Path predictions = dir.resolve("predictions.csv");
        CliRunner.Outcome predict = CliRunner.run("predict", "--model", out.resolve("model").toString(),
                "--input", test.toString(), "--output", predictions.toString());
        assertEquals(0, predict.exitCode(), predict.toString());
        List<String> lines = Files.readAllLines(predictions);
        assertEquals("id,label,p_no,p_yes", lines.get(0));
        assertEquals(201, lines.size());
        List<String> truth = Files.readAllLines(test).stream().map(l -> l.substring(0, l.indexOf('\t'))).toList();
        long correct = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            double pNo = Double.parseDouble(f[2]);
            double pYes = Double.parseDouble(f[3]);
            assertEquals(1.0, pNo + pYes, 1e-5);
            if (f[1].equals(truth.get(Integer.parseInt(f[0])))) {
                correct++;
            }
        }
        assertEquals(accuracy, correct / 200.0, 1e-9);

        // predict on a folder of .txt files
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.txt"), "great wonderful superb film");
        Files.writeString(docs.resolve("b.txt"), "awful boring dull terrible plot");
        Path folderOut = dir.resolve("folder.csv");
        assertEquals(0, CliRunner.run("predict", "--model", out.resolve("model").toString(),
                "--input", docs.toString(), "--output", folderOut.toString()).exitCode());
        List<String> folder = Files.readAllLines(folderOut);
        assertTrue(folder.get(1).startsWith("a.txt,yes,"), folder.toString());
        assertTrue(folder.get(2).startsWith("b.txt,no,"), folder.toString());

        // evaluate reproduces the run's test metrics
        CliRunner.Outcome evaluate = CliRunner.run("evaluate", "--model", out.resolve("model").toString());
        assertEquals(0, evaluate.exitCode(), evaluate.toString());
        assertTrue(evaluate.out().contains(String.format(java.util.Locale.ROOT, "accuracy: %.4f", accuracy)), evaluate.out());
    }
}
