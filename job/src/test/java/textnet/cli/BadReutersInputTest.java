package textnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static textnet.cli.CliChecks.fails;

/**
 * Reuters SGML quirks through the CLI (the parsing details are in data.ReutersSgmlTest): chunks without
 * {@code </REUTERS>} or NEWID are skipped with a note, unknown entities stay as written, a document
 * with no TOPICS element is in no subset; a file with no parsable document at all is exit 3.
 */
class BadReutersInputTest {

    private static final Path QUIRKS = Path.of("src/test/resources/textnet/data/reuters-quirks.sgm");

    @TempDir
    Path dir;

    @Test
    void brokenChunksAreSkippedWithANote() throws IOException {
        Path data = Files.createDirectories(dir.resolve("reuters"));
        Files.copy(QUIRKS, data.resolve("reut2-000.sgm"));
        Path out = dir.resolve("run");
        var dataBefore = CliChecks.snapshot(data);
        CliRunner.Outcome o = CliChecks.succeeds("train", CliChecks.config(), "--data", data.toString(),
                "--out", out.toString(), "--set", "data.format=reuters21578", "--set", "train.epochs=1");
        assertTrue(o.err().contains("note: reuters21578: reut2-000.sgm: skipped 2 <REUTERS> chunk(s) that could not"
                + " be parsed (first: reut2-000.sgm line 54: <REUTERS> has no NEWID)"), o.err());
        var metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        // NEWID 1, 3, 10: single-topic TRAIN documents whose topic is also in TEST; NEWID 9 (no TOPICS) is not
        assertEquals(3, metrics.path("data").path("train_rows").asInt(), metrics.toString());
        assertEquals("[\"acq\",\"cpi\",\"earn\"]", metrics.path("classes").toString());
        assertTrue(Files.readAllLines(out.resolve("model/vocabulary.txt")).contains("foo"),
                "the unknown entity &foo; was kept as written, so its letters are a token");
        CliChecks.unchanged(dataBefore, data);
    }

    @Test
    void sgmlFileLinkingOutOfTheFolderIsRefused() throws IOException {
        Path data = Files.createDirectories(dir.resolve("reuters"));
        Files.copy(QUIRKS, data.resolve("reut2-000.sgm"));
        Path outside = Files.copy(QUIRKS, dir.resolve("other.sgm"));
        Files.createSymbolicLink(data.resolve("reut2-001.sgm"), outside);
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("data.path: reut2-001.sgm links outside the corpus folder " + data, "(to " + outside.toRealPath() + ")"),
                "train", CliChecks.config(), "--data", data.toString(), "--out", dir.resolve("run").toString(),
                "--set", "data.format=reuters21578");
        CliChecks.unchanged(before, dir);
    }

    @Test
    void oversizedSgmlFileIsRefusedBeforeReading() throws IOException {
        Path data = Files.createDirectories(dir.resolve("reuters"));
        Files.copy(QUIRKS, data.resolve("reut2-000.sgm"));
        BadArchiveAndFolderTest.sparse(data.resolve("reut2-001.sgm"), (256L << 20) + 1);
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("data.path: reut2-001.sgm in " + data + " holds 268,435,457 bytes, more than the 268,435,456"
                        + " (256 MiB) a document may have"),
                "train", CliChecks.config(), "--data", data.toString(), "--out", dir.resolve("run").toString(),
                "--set", "data.format=reuters21578");
        CliChecks.unchanged(before, dir);
    }

    @Test
    void onlyUnclosedChunksIsAnInputError() throws IOException {
        Path data = Files.createDirectories(dir.resolve("reuters"));
        Files.writeString(data.resolve("reut2-000.sgm"), "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" NEWID=\"1\">\n"
                + "<TOPICS><D>earn</D></TOPICS><TEXT><TITLE>T</TITLE><BODY>cut off here");
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("no <REUTERS> documents in the reut2-*.sgm files of " + data), "train", CliChecks.config(),
                "--data", data.toString(), "--out", dir.resolve("run").toString(), "--set", "data.format=reuters21578");
        CliChecks.unchanged(before, dir);
    }
}
