package textnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Documents that are odd but not wrong are trained on: zero-byte reviews (empty documents), invalid
 * UTF-8 (replaced and counted in a note) and one very large review. Exit 0, output only in --out.
 */
class OddDocumentsTest {

    @TempDir
    Path dir;

    @Test
    void zeroByteAndInvalidUtf8ReviewsAreReadWithANote() throws IOException {
        Map<String, byte[]> entries = BadArchiveAndFolderTest.corpus();
        entries.put("aclImdb/train/neg/50_1.txt", new byte[0]);
        entries.put("aclImdb/test/pos/51_9.txt", new byte[] {'g', 'r', 'e', 'a', 't', (byte) 0xC3, (byte) 0x28, '!'});
        entries.put("aclImdb/train/pos/52_9.txt", new byte[] {(byte) 0xFF, (byte) 0xFE, 'f', 'u', 'n'});
        Path data = BadArchiveAndFolderTest.folder(dir.resolve("data"), entries).resolve("aclImdb");
        Path out = dir.resolve("run");
        var dataBefore = CliChecks.snapshot(dir.resolve("data"));
        CliRunner.Outcome o = CliChecks.succeeds("train", CliChecks.config(), "--data", data.toString(),
                "--out", out.toString(), "--set", "train.epochs=1");
        assertTrue(o.err().contains("note: aclImdb: 2 reviews were not valid UTF-8;"
                + " their malformed bytes were replaced with U+FFFD"), o.err());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(8, metrics.path("data").path("train_rows").asInt(), "the zero-byte review is a row: " + metrics);
        assertEquals(7, metrics.path("data").path("test_rows").asInt());
        CliChecks.unchanged(dataBefore, dir.resolve("data"));
    }

    /** 50 MB in one review must neither hang nor exhaust the tests' 6 GB heap. */
    @Test
    void fiftyMegabyteReviewTrains() throws IOException {
        Map<String, byte[]> entries = BadArchiveAndFolderTest.corpus();
        Path data = BadArchiveAndFolderTest.folder(dir.resolve("data"), entries).resolve("aclImdb");
        Path huge = data.resolve("train/pos/60_10.txt");
        String[] words = {"great ", "film ", "wonderful ", "plot ", "the ", "superb ", "acting "};
        try (OutputStream o = Files.newOutputStream(huge)) {
            byte[][] bytes = new byte[words.length][];
            for (int i = 0; i < words.length; i++) {
                bytes[i] = words[i].getBytes(StandardCharsets.US_ASCII);
            }
            long written = 0;
            for (int i = 0; written < 50L << 20; i++) {
                o.write(bytes[i % bytes.length]);
                o.write(Integer.toString(i % 5000).getBytes(StandardCharsets.US_ASCII)); // 35,000 distinct tokens
                o.write(' ');
                written += bytes[i % bytes.length].length + 5;
            }
        }
        Path out = dir.resolve("run");
        CliRunner.Outcome o = assertTimeoutPreemptively(Duration.ofMinutes(4), () -> CliRunner.run("train",
                CliChecks.config(), "--data", data.toString(), "--out", out.toString(), "--set", "train.epochs=1"));
        assertEquals(0, o.exitCode(), o.toString());
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
    }
}
