package textnet.cli;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static textnet.cli.CliChecks.fails;

/**
 * Table files (data.train, data.test) refused as a whole before any row is read, each with exit 3 (2 for
 * an unset key) and one line naming the key and the file: empty, not a regular file, not UTF-8.
 */
class BadTableFileTest {

    @TempDir
    Path dir;

    private String[] train(String format, Object trainFile, Object testFile) {
        List<String> args = new ArrayList<>(List.of("train", CliChecks.config(), "--out", dir.resolve("run").toString(),
                "--set", "data.format=" + format, "--set", "train.epochs=1"));
        if (trainFile != null) {
            args.addAll(List.of("--set", "data.train=" + trainFile));
        }
        if (testFile != null) {
            args.addAll(List.of("--set", "data.test=" + testFile));
        }
        return args.toArray(String[]::new);
    }

    private Path good() throws IOException {
        return Files.writeString(dir.resolve("good.tsv"), TsvAndPredictTest.tsv(40, 1));
    }

    /** Said today as "the training split has only one class ()". */
    @Test
    void emptyFilesHaveNoRows() throws IOException {
        Path good = good();
        Path empty = Files.createFile(dir.resolve("empty.tsv"));
        Path blank = Files.writeString(dir.resolve("blank.tsv"), "\n  \n\n");
        Path headerOnly = Files.writeString(dir.resolve("header.csv"), "label,text\n");
        Path blankJson = Files.writeString(dir.resolve("blank.jsonl"), "\n\n");
        Path noBytes = Files.createFile(dir.resolve("nothing.parquet"));
        Path noRows = dir.resolve("none.parquet");
        SparkTestSupport.spark().createDataFrame(List.of(), new StructType().add("text", DataTypes.StringType)
                .add("label", DataTypes.StringType)).write().parquet(noRows.toString());
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("data.train: " + empty + " has no rows"), train("tsv", empty, good));
        fails(3, List.of("data.test: " + blank + " has no rows"), train("tsv", good, blank));
        fails(3, List.of("data.train: " + headerOnly + " has no rows"), train("csv", headerOnly, headerOnly));
        fails(3, List.of("data.train: " + blankJson + " has no rows"), train("jsonl", blankJson, blankJson));
        fails(3, List.of("data.train: " + noBytes + " has no rows"), train("parquet", noBytes, noRows));
        fails(3, List.of("data.train: " + noRows + " has no rows"), train("parquet", noRows, noRows));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void fifoOrDeviceIsRefusedUpFront() throws IOException, InterruptedException {
        Path good = good();
        Path fifo = dir.resolve("train.tsv");
        BadArchiveAndFolderTest.mkfifo(fifo);
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("data.train: " + fifo + " is a FIFO, not a regular file"), train("tsv", fifo, good));
        fails(3, List.of("data.test: /dev/zero is a character device, not a regular file"),
                train("jsonl", good, "/dev/zero"));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void folderOfPartFilesIsOneTableAndAGlobNamesSeveral() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("parts.csv"));
        Files.writeString(folder.resolve("part-0.csv"), "label,text\nyes,good great\nno,dull bad\n");
        Files.writeString(folder.resolve("part-1.csv"), "label,text\nyes,great fun\nno,boring bad\n");
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Files.writeString(folder.resolve(".part-0.csv.crc"), "not data");
        Path test = Files.writeString(dir.resolve("test.csv"), "label,text\nyes,good\nno,bad\n");
        CliRunner.Outcome o = CliChecks.succeeds(train("csv", folder, test));
        assertTrue(o.err().contains("4 train / 0 validation / 2 test rows"), o.err());
        List<String> glob = new ArrayList<>(List.of(train("csv", folder + "/part-*.csv", test)));
        glob.add("--overwrite");
        CliRunner.Outcome globbed = CliChecks.succeeds(glob.toArray(String[]::new));
        assertTrue(globbed.err().contains("4 train / 0 validation / 2 test rows"), globbed.err());
        var before = CliChecks.snapshot(dir);
        List<String> none = new ArrayList<>(List.of(train("csv", dir.resolve("nope-*.csv"), test)));
        none.add("--overwrite");
        fails(3, List.of("data.train: " + dir.resolve("nope-*.csv") + " matches no files"), none.toArray(String[]::new));
        CliChecks.unchanged(before, dir);
    }

    /** A config problem, not an input problem: exit 2, as for any other key. A set but missing file stays exit 3. */
    @Test
    void unsetSplitKeyIsAConfigError() throws IOException {
        Path good = good();
        var before = CliChecks.snapshot(dir);
        fails(2, List.of("config key 'data.test' is not set; the tsv format reads its splits from data.train and data.test"),
                train("tsv", good, null));
        fails(2, List.of("config key 'data.train' is not set; the csv format reads its splits from data.train and data.test"),
                train("csv", null, good));
        fails(3, List.of("data.test: " + dir.resolve("nope.tsv") + " does not exist"), train("tsv", good, dir.resolve("nope.tsv")));
        CliChecks.unchanged(before, dir);
    }

    /** Read as UTF-8, these showed NUL-byte column names or _corrupt_record. */
    @Test
    void utf16AndLatin1AreNamedWithTheCommandThatConvertsThem() throws IOException {
        Path good = good();
        String csv = "label,text\nyes,caf\u00e9 cr\u00e8me\nno,dull\n";
        byte[] utf16 = csv.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        Path bom = Files.write(dir.resolve("bom.csv"), withBom);
        Path noBom = Files.write(dir.resolve("nobom.jsonl"), "{\"text\": \"x\", \"label\": 1}\n".getBytes(StandardCharsets.UTF_16BE));
        Path latin1 = Files.write(dir.resolve("latin1.tsv"), "yes\tgood\nno\tcaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("data.train: " + bom + " is UTF-16LE text (byte-order mark); textnet reads UTF-8: convert it,"
                + " e.g. iconv -f UTF-16LE -t UTF-8 " + bom + " > " + bom + ".utf8"), train("csv", bom, good));
        fails(3, List.of("data.test: " + noBom + " is UTF-16BE text (no byte-order mark; it has a NUL byte in every other"
                + " position); textnet reads UTF-8: convert it, e.g. iconv -f UTF-16BE -t UTF-8"),
                train("jsonl", good, noBom));
        fails(3, List.of("data.train: " + latin1 + " is Latin-1 or Windows-1252 text, not UTF-8 (line 2 has the byte 0xE9,"
                + " which UTF-8 does not allow there); textnet reads UTF-8: convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 "
                + latin1 + " > " + latin1 + ".utf8"), train("tsv", latin1, good));
        CliChecks.unchanged(before, dir);
    }
}
