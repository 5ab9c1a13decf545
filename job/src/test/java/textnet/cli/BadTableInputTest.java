package textnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static textnet.cli.CliChecks.fails;

/** tsv, csv, jsonl and parquet inputs that are broken (exit 3, one line) or odd but fine (exit 0). */
class BadTableInputTest {

    @TempDir
    Path dir;

    private String[] train(String format, Path trainFile, Path testFile, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", CliChecks.config(), "--out", out.toString(),
                "--set", "data.format=" + format, "--set", "data.train=" + trainFile, "--set", "data.test=" + testFile,
                "--set", "train.epochs=1", "--set", "train.batch-size=32"));
        for (String m : more) {
            args.add("--set");
            args.add(m);
        }
        return args.toArray(String[]::new);
    }

    private Path tsv(String name, int rows, long seed) throws IOException {
        return Files.writeString(dir.resolve(name), TsvAndPredictTest.tsv(rows, seed));
    }

    @Test
    void missingTextColumnNamesTheColumnsFound() throws IOException {
        Path csv = Files.writeString(dir.resolve("train.csv"), "body,label\nnice film,yes\ndull film,no\n");
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(csv + ": no column 'text' (data.text-column); columns found: body, label"),
                train("csv", csv, csv, dir.resolve("run")));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void missingLabelColumnNamesTheColumnsFound() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("train.jsonl"), "{\"text\": \"nice\", \"y\": 1}\n{\"text\": \"dull\", \"y\": 0}\n");
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(jsonl + ": no column 'label' (data.label-column); columns found: text, y"),
                train("jsonl", jsonl, jsonl, dir.resolve("run")));
        CliChecks.unchanged(before, dir);
    }

    /** Policy: a test label training never saw has no output unit, so it is an error (text.LabelIndex). */
    @Test
    void unseenTestLabelFailsAfterReadingAndKeepsTheEarlierRun() throws IOException {
        Path trainFile = tsv("train.tsv", 200, 1);
        Path out = dir.resolve("run");
        CliChecks.succeeds(train("tsv", trainFile, tsv("test.tsv", 50, 2), out));
        Path badTest = Files.writeString(dir.resolve("bad-test.tsv"), TsvAndPredictTest.tsv(50, 3) + "maybe\tan odd film\n");
        var before = CliChecks.snapshot(dir);
        List<String> args = new ArrayList<>(List.of(train("tsv", trainFile, badTest, out)));
        args.add("--overwrite");
        fails(3, List.of("label 'maybe' does not occur in the training split", "training labels: no, yes"),
                args.toArray(String[]::new));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void trainingSplitWithOneClass() throws IOException {
        Path trainFile = Files.writeString(dir.resolve("train.tsv"), "yes\tgood\nyes\tfine film\nyes\tgreat\n");
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("the training split has only one class (yes)"),
                train("tsv", trainFile, trainFile, dir.resolve("run")));
        CliChecks.unchanged(before, dir);
    }

    /** Empty texts are documents with no tokens; extra tabs stay in the text; a too-large vocabulary is a note. */
    @Test
    void emptyTextExtraTabsAndLargeVocabularyTrainWithANote() throws IOException {
        Path trainFile = Files.writeString(dir.resolve("train.tsv"), TsvAndPredictTest.tsv(100, 1)
                + "yes\t\nno\t\t\t\nyes\tgreat\tgreat\tfun\n");
        Path out = dir.resolve("run");
        CliRunner.Outcome o = CliChecks.succeeds(train("tsv", trainFile, tsv("test.tsv", 30, 2), out,
                "vectorizer.vocabulary-size=100000"));
        assertTrue(o.err().contains("note: the training split has only ") && o.err().contains(
                "distinct tokens; vectorizer.vocabulary-size 100000 is more than it can fill"), o.err());
        assertEquals(103, rows(out, "train_rows"));
    }

    @Test
    void csvWithQuotedNewlinesCountsRecordsNotLines() throws IOException {
        StringBuilder csv = new StringBuilder("label,text\n");
        for (String line : TsvAndPredictTest.tsv(60, 4).split("\n")) {
            String[] f = line.split("\t", 2);
            csv.append(f[0]).append(",\"").append(f[1].replace("\t", "\n").replace("the", "the \"\"quoted\"\"")).append("\"\n");
        }
        Path file = Files.writeString(dir.resolve("train.csv"), csv);
        Path out = dir.resolve("run");
        CliChecks.succeeds(train("csv", file, file, out));
        assertEquals(60, rows(out, "train_rows"));
    }

    /** Spark's JSON source said "row N" or failed with a stack trace; now the file and its 1-based line. */
    @Test
    void malformedJsonlLineIsNamedByItsLine() throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            jsonl.append("{\"text\": \"film ").append(i).append("\", \"label\": ").append(i % 2).append("}\n");
        }
        Path file = Files.writeString(dir.resolve("train.jsonl"), jsonl + "{\"text\": \"unquoted\", label: 1}\n");
        Path strings = Files.writeString(dir.resolve("strings.jsonl"), jsonl + "{\"text\": 7, \"label\": 1}\n");
        Path nulls = Files.writeString(dir.resolve("nulls.jsonl"), jsonl + "\n{\"text\": \"x\", \"label\": null}\n");
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(file + " line 7: not a JSON object (Unexpected character ('l' (code 108)): was expecting"
                + " double-quote to start field name)"), train("jsonl", file, file, dir.resolve("run")));
        fails(3, List.of(strings + " line 7: column 'text' (data.text-column) holds a number; expected a string"),
                train("jsonl", strings, strings, dir.resolve("run")));
        fails(3, List.of(nulls + " line 8: no value in column 'label'"), train("jsonl", nulls, nulls, dir.resolve("run")));
        CliChecks.unchanged(before, dir);
    }

    /** Spark's CSV reader made a chunk of review text into a class; now the line where the bad field starts. */
    @Test
    void csvQuoteNeverClosedOrNotDoubledIsNamedByTheLineItOpensOn() throws IOException {
        StringBuilder csv = new StringBuilder("label,text\n");
        for (String line : TsvAndPredictTest.tsv(30, 4).split("\n")) {
            String[] f = line.split("\t", 2);
            csv.append(f[0]).append(",\"").append(f[1].replace("\t", " ")).append("\"\n");
        }
        Path open = Files.writeString(dir.resolve("open.csv"), csv + "yes,\"a fine film, and then\nno,dull\n");
        Path inner = Files.writeString(dir.resolve("inner.csv"), csv + "yes,\"a \"fine\" film\"\nno,dull\n");
        Path wide = Files.writeString(dir.resolve("wide.csv"), csv + "yes,a fine film, and then some\n");
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(open + " line 32: a quoted field starts on this line and is never closed (a '\"' is missing)"),
                train("csv", open, open, dir.resolve("run")));
        fails(3, List.of(inner + " line 32: a quoted field starting on this line has a '\"' inside it that is not doubled"),
                train("csv", inner, inner, dir.resolve("run")));
        fails(3, List.of(wide + " line 32: 3 fields, but the header has 2 (a comma outside quotes, or a quote out of place?)"),
                train("csv", wide, wide, dir.resolve("run")));
        CliChecks.unchanged(before, dir);
    }

    /** Malformed bytes in a few rows of a UTF-8 file: replaced, counted, trained on. */
    @Test
    void invalidUtf8RowsAreRepairedAndCountedInANote() throws IOException {
        byte[] good = ("yes\tcaf\u00e9 cr\u00e8me, a superb film\n" + TsvAndPredictTest.tsv(60, 1))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(good);
        for (int i = 0; i < 3; i++) {
            bytes.write(new byte[]{'n', 'o', '\t', 'd', 'u', 'l', 'l', ' ', (byte) 0xE9, (byte) 0xFF, '\n'});
        }
        Path trainFile = Files.write(dir.resolve("train.tsv"), bytes.toByteArray());
        var before = CliChecks.snapshot(dir);
        CliRunner.Outcome o = CliChecks.succeeds(train("tsv", trainFile, tsv("test.tsv", 20, 2), dir.resolve("run")));
        assertTrue(o.err().contains("note: " + trainFile + ": 3 rows were not valid UTF-8; their malformed bytes were"
                + " replaced with U+FFFD"), o.err());
        before.keySet().forEach(k -> assertEquals(before.get(k), CliChecks.snapshot(dir).get(k), k));
    }

    /** "1" and "1.0" would be two classes of one number: refused, naming both spellings. */
    @Test
    void oneNumberSpelledTwoWaysIsRefused() throws IOException {
        Path trainFile = Files.writeString(dir.resolve("train.tsv"), "1\tgood\n0\tbad\n1.0\tfine\n");
        Path csv = Files.writeString(dir.resolve("train.csv"), "text,score\ngood,1\nbad,0.0\nok,0\n");
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("the tsv labels (the text before the first tab): the labels '1' and '1.0' are the same number"
                + " written two ways"), train("tsv", trainFile, trainFile, dir.resolve("run")));
        fails(3, List.of("data.label-column 'score': the labels '0' and '0.0' are the same number written two ways"),
                train("csv", csv, csv, dir.resolve("run"), "data.label-column=score"));
        CliChecks.unchanged(before, dir);
    }

    /** A float score as the label made 200 rows into 200 classes. */
    @Test
    void aColumnOfMostlyUniqueValuesIsNotClassLabels() throws IOException {
        StringBuilder csv = new StringBuilder("text,score\n");
        for (int i = 0; i < 200; i++) {
            csv.append("film ").append(i).append(',').append(String.format(java.util.Locale.ROOT, "%.3f", 0.011 + i * 0.37))
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("scores.csv"), csv);
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("data.label-column 'score': 200 distinct labels in 200 training rows, 200 of them seen once:"
                + " not a column of class labels?"), train("csv", file, file, dir.resolve("run"), "data.label-column=score"));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void parquetTextAsArrayOrStructIsRefused() {
        SparkSession spark = SparkTestSupport.spark();
        StructType arrays = new StructType().add("text", DataTypes.createArrayType(DataTypes.StringType))
                .add("label", DataTypes.StringType);
        Path array = dir.resolve("array.parquet");
        spark.createDataFrame(List.of(RowFactory.create(List.of("a", "b").toArray(), "yes")), arrays)
                .write().parquet(array.toString());
        StructType structs = new StructType().add("text", new StructType().add("title", DataTypes.StringType))
                .add("label", DataTypes.StringType);
        Path struct = dir.resolve("struct.parquet");
        spark.createDataFrame(List.of(RowFactory.create(RowFactory.create("a"), "yes")), structs)
                .write().parquet(struct.toString());
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(array + ": column 'text' (data.text-column) holds array<string>; expected strings"),
                train("parquet", array, array, dir.resolve("run")));
        fails(3, List.of(struct + ": column 'text' (data.text-column) holds struct<title:string>; expected strings"),
                train("parquet", struct, struct, dir.resolve("run")));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void parquetIntegerLabelsAreFine() throws IOException {
        SparkSession spark = SparkTestSupport.spark();
        StructType schema = new StructType().add("text", DataTypes.StringType).add("label", DataTypes.IntegerType);
        List<Row> rows = new ArrayList<>();
        for (String line : TsvAndPredictTest.tsv(80, 5).split("\n")) {
            String[] f = line.split("\t", 2);
            rows.add(RowFactory.create(f[1], f[0].equals("yes") ? 1 : 0));
        }
        Path file = dir.resolve("train.parquet");
        spark.createDataFrame(rows, schema).write().parquet(file.toString());
        Path out = dir.resolve("run");
        CliChecks.succeeds(train("parquet", file, file, out));
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals("[\"0\",\"1\"]", metrics.path("classes").toString());
    }

    /** A learning rate of 1e3 explodes the loss in the first epoch (a mean loss ~1e15): exit 5, nothing written. */
    @Test
    void divergenceStopsWithExit5NamingTheEpoch() throws IOException {
        Path trainFile = tsv("train.tsv", 200, 1);
        Path testFile = tsv("test.tsv", 50, 2);
        var before = CliChecks.snapshot(dir);
        fails(5, List.of("training diverged in epoch 1", "lower train.optimizer.learning-rate (1000.0)"),
                train("tsv", trainFile, testFile, dir.resolve("run"), "train.optimizer.learning-rate=1e3",
                        "train.epochs=5", "train.batch-size=16"));
        CliChecks.unchanged(before, dir);
    }

    /**
     * Divergence after good epochs keeps the last good epoch's checkpoint: a run resumed from a
     * checkpoint whose parameters have gone bad (NaN) diverges in its next epoch, says where the
     * good checkpoint is, and leaves it there.
     */
    @Test
    void divergenceKeepsTheLastGoodCheckpoint() throws IOException {
        Path trainFile = tsv("train.tsv", 200, 1);
        Path testFile = tsv("test.tsv", 50, 2);
        Path ck = dir.resolve("ck");
        List<String> args = new ArrayList<>(List.of(train("tsv", trainFile, testFile, dir.resolve("run"), "train.epochs=5")));
        textnet.config.JobConfig config = textnet.config.ConfigLoader.load(Path.of(CliChecks.config()),
                List.of("data.format=tsv", "data.train=" + trainFile, "data.test=" + testFile, "train.epochs=1",
                        "train.batch-size=32", "train.epochs=5"));
        var vectorizer = textnet.text.TextVectorizer.fit(
                textnet.data.CorpusReaders.read(SparkTestSupport.spark().sparkContext(), config.data()).train(), config.vectorizer());
        int params = textnet.io.TrainedModel.specOf(config, vectorizer).parameterCount();
        float[] poisoned = new float[params];
        java.util.Arrays.fill(poisoned, Float.NaN);
        new textnet.io.Checkpoints(ck, config).save(new textnet.train.Progress(1,
                new textnet.train.TrainingState(poisoned, new float[params], 10),
                List.of(new textnet.train.EpochRecord(1, 0.6, 0.7, null, null, 0.1))));
        args.addAll(List.of("--resume", ck.toString()));
        fails(5, List.of("training diverged in epoch 2", "the last good epoch (1) is checkpointed in " + ck),
                args.toArray(String[]::new));
        assertTrue(Files.exists(ck.resolve("epoch-0001/parameters.npy")), "the checkpoint is kept");
        assertFalse(Files.exists(dir.resolve("run")));
    }

    private static int rows(Path run, String key) throws IOException {
        return new ObjectMapper().readTree(run.resolve("metrics.json").toFile()).path("data").path(key).asInt();
    }
}
