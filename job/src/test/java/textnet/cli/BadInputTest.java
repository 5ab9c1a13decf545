package textnet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each bad input exits non-zero with one line naming the key, path or file; nothing is written. */
class BadInputTest {

    @TempDir
    Path dir;

    private String imdb() {
        return SparkTestSupport.project().resolve("conf/imdb.yaml").toString();
    }

    private CliRunner.Outcome fails(int code, String... args) {
        CliRunner.Outcome o = CliRunner.run(args);
        assertEquals(code, o.exitCode(), o.toString());
        List<String> errors = o.err().lines().filter(l -> l.startsWith("textnet: error: ")).toList();
        assertEquals(1, errors.size(), "one error line: " + o);
        assertTrue(o.err().strip().endsWith(errors.get(0)), "the error is the last thing said: " + o);
        return o;
    }

    @Test
    void unknownConfigKey() {
        CliRunner.Outcome o = fails(2, "train", imdb(), "--out", dir.resolve("o").toString(), "--set", "train.epoch=3");
        assertTrue(o.err().contains("train.epoch"), o.err());
        assertTrue(!Files.exists(dir.resolve("o")));
    }

    @Test
    void wrongType() throws Exception {
        Path c = Files.writeString(dir.resolve("c.yaml"), "train:\n  epochs: four\n");
        CliRunner.Outcome o = fails(2, "train", c.toString(), "--out", dir.resolve("o").toString());
        assertTrue(o.err().contains("train.epochs"), o.err());
    }

    @Test
    void missingDataPathSaysHowToGetIt() {
        CliRunner.Outcome o = fails(3, "train", imdb(), "--data", dir.resolve("nowhere.tar.gz").toString(),
                "--out", dir.resolve("o").toString());
        assertTrue(o.err().contains("nowhere.tar.gz") && o.err().contains("scripts/fetch-data imdb"), o.err());
        assertTrue(!Files.exists(dir.resolve("o")), "no output for a failed run");
        assertEquals(0, countHidden(), "no staging folder left");
    }

    @Test
    void folderWithNoDocuments() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("aclImdb"));
        CliRunner.Outcome o = fails(3, "train", imdb(), "--data", empty.toString(), "--out", dir.resolve("o").toString());
        assertTrue(o.err().contains("aclImdb"), o.err());
    }

    @Test
    void existingNonEmptyOut() throws Exception {
        Path out = Files.createDirectories(dir.resolve("o"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        CliRunner.Outcome o = fails(4, "train", imdb(), "--out", out.toString());
        assertTrue(o.err().contains("--overwrite"), o.err());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void helpOnEveryCommand() {
        for (String command : new String[]{"train", "predict", "evaluate"}) {
            CliRunner.Outcome o = CliRunner.run(command, "--help");
            assertEquals(0, o.exitCode());
            assertTrue(o.out().contains("Usage: textnet " + command), o.out());
        }
        assertTrue(CliRunner.run("train", "--help").out().contains("--set"));
        assertTrue(CliRunner.run("predict", "--help").out().contains("--input"));
        assertEquals(2, CliRunner.run("train").exitCode(), "missing CONFIG is a usage error");
    }

    private long countHidden() {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
