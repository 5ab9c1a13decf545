package textnet.cli;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;
import textnet.io.ModelFiles;
import textnet.io.ModelFilesTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** predict's table inputs get training's checks: text must be strings, jsonl lines must be JSON. */
class PredictInputTest {

    @TempDir
    Path dir;

    private Path model() throws Exception {
        Path model = dir.resolve("model");
        ModelFiles.save(ModelFilesTest.tinyModel(List.of("neg", "pos")), model);
        return model;
    }

    @Test
    void jsonlLineThatIsNotJsonIsNamed() throws Exception {
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"good film\"}\nnot json\n");
        CliRunner.Outcome o = CliRunner.run("predict", "--model", model().toString(), "--input", input.toString(),
                "--output", dir.resolve("p.csv").toString());
        assertEquals(3, o.exitCode(), o.toString());
        assertTrue(o.err().contains(input + " line 2: not a JSON object (Unrecognized token 'not'"), o.err());
        assertFalse(Files.exists(dir.resolve("p.csv")));
    }

    @Test
    void textColumnThatIsNotStringsIsRefused() throws Exception {
        StructType schema = new StructType().add("text", DataTypes.createArrayType(DataTypes.StringType));
        Path input = dir.resolve("in.parquet");
        SparkTestSupport.spark().createDataFrame(List.of(RowFactory.create((Object) List.of("good", "film"))), schema)
                .write().parquet(input.toString());
        CliRunner.Outcome o = CliRunner.run("predict", "--model", model().toString(), "--input", input.toString(),
                "--output", dir.resolve("p.csv").toString());
        assertEquals(3, o.exitCode(), o.toString());
        assertTrue(o.err().contains("column 'text'") && o.err().contains("array<string>"), o.err());
    }

    @Test
    void folderWithoutTextFilesIsAnInputError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRunner.Outcome o = CliRunner.run("predict", "--model", model().toString(), "--input", empty.toString());
        assertEquals(3, o.exitCode(), o.toString());
        assertTrue(o.err().contains("has no .txt files"), o.err());
    }

    private String[] predict(Path model, Path input) {
        return new String[]{"predict", "--model", model.toString(), "--input", input.toString(),
                "--output", dir.resolve("p.csv").toString(), "--overwrite"};
    }

    @Test
    void textFileLinkingOutOfTheFolderIsRefused() throws Exception {
        Path model = model();
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.txt"), "good film");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "private words");
        Files.createSymbolicLink(docs.resolve("b.txt"), secret);
        var before = CliChecks.snapshot(dir);
        CliChecks.fails(3, List.of("--input: b.txt links outside the corpus folder " + docs, "(to " + secret.toRealPath() + ")"),
                predict(model, docs));
        CliChecks.unchanged(before, dir);
    }

    /** Read whole into memory today, a FIFO or a device would never end: refused by what they are. */
    @Test
    void fifoOrDeviceAsTheInputIsRefused() throws Exception {
        Path model = model();
        Path fifo = dir.resolve("fifo.txt");
        BadArchiveAndFolderTest.mkfifo(fifo);
        Path zero = Files.createSymbolicLink(dir.resolve("zero.txt"), Path.of("/dev/zero"));
        var before = CliChecks.snapshot(dir);
        CliChecks.fails(3, List.of("--input: " + fifo + " is a FIFO, not a regular file"), predict(model, fifo));
        CliChecks.fails(3, List.of("--input: " + zero + " is a character device, not a regular file"), predict(model, zero));
        CliChecks.unchanged(before, dir);
        Path docs = Files.createDirectories(dir.resolve("docs"));
        BadArchiveAndFolderTest.mkfifo(docs.resolve("c.txt"));
        before = CliChecks.snapshot(dir);
        CliChecks.fails(3, List.of("--input: c.txt in " + docs + " is a FIFO, not a regular file"), predict(model, docs));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void oversizedDocumentIsRefusedBeforeReading() throws Exception {
        Path model = model();
        Path big = dir.resolve("big.txt");
        BadArchiveAndFolderTest.sparse(big, 300L << 20);
        var before = CliChecks.snapshot(dir);
        CliChecks.fails(3, List.of("--input: " + big + " holds 314,572,800 bytes, more than the 268,435,456 (256 MiB)"
                + " a document may have"), predict(model, big));
        CliChecks.unchanged(before, dir);
    }

    /** Names that Hadoop would misread or Spark would glob: exactly the named table or folder is read. */
    @Test
    void oddNamesArePredictedLiterally() throws Exception {
        Path model = model();
        Path tsv = Files.writeString(dir.resolve("in[1] my:x.tsv"), "?\tgood film\n?\tdull film\n");
        Files.writeString(dir.resolve("in1 my:x.tsv"), "?\tdecoy\n?\tdecoy\n?\tdecoy\n");
        CliChecks.succeeds(predict(model, tsv));
        assertEquals(3, Files.readAllLines(dir.resolve("p.csv")).size());
        Path docs = Files.createDirectories(dir.resolve("docs{a,b}:1"));
        Files.writeString(docs.resolve("x[1].txt"), "good film");
        Files.writeString(Files.createDirectories(dir.resolve("docsa:1")).resolve("decoy.txt"), "decoy");
        CliChecks.succeeds(predict(model, docs));
        List<String> lines = Files.readAllLines(dir.resolve("p.csv"));
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("x[1].txt,"), lines.toString());
    }

    @Test
    void goodJsonlIsPredictedRowByRow() throws Exception {
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"good film\"}\n{\"text\": null}\n");
        Path out = dir.resolve("p.csv");
        CliRunner.Outcome o = CliRunner.run("predict", "--model", model().toString(), "--input", input.toString(),
                "--output", out.toString());
        assertEquals(0, o.exitCode(), o.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("0,") && lines.get(2).startsWith("1,"), lines.toString());
    }
}
