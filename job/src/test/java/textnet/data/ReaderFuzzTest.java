package textnet.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded random mutations (byte flips, truncations, insertions, deletions) of a small SGML file and a
 * small .tar.gz, fed straight to the parsing functions: each must return or fail with a one-line
 * JobException, never hang or throw anything else. The seed is in every failure message.
 */
class ReaderFuzzTest {

    private static final int MUTANTS = 400;
    private static final long SEED = 20240617L;

    @TempDir
    Path dir;

    @Test
    void mutatedSgmlParsesOrFailsClearly() throws IOException {
        byte[] original = Files.readAllBytes(Path.of("src/test/resources/textnet/data/reuters-quirks.sgm"));
        SplittableRandom random = new SplittableRandom(SEED);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                byte[] mutant = mutate(original, random);
                String sgml = new String(mutant, StandardCharsets.ISO_8859_1);
                int n = i;
                survives("sgml mutant " + n, () -> ReutersSgml.parse("reut2-000.sgm", sgml));
            }
        });
    }

    @Test
    void mutatedTarGzReadsOrFailsClearly() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("aclImdb/train/pos/0_9.txt", Fixtures.utf8("a great film, wonderful"));
        entries.put("aclImdb/train/neg/0_2.txt", Fixtures.utf8("boring and dull"));
        entries.put("aclImdb/test/pos/1_8.txt", Fixtures.utf8("superb acting"));
        entries.put("aclImdb/test/neg/1_1.txt", Fixtures.utf8("a waste of time"));
        byte[] original = Files.readAllBytes(Fixtures.tarGz(dir.resolve("small.tar.gz"), entries));
        SplittableRandom random = new SplittableRandom(SEED + 1);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                byte[] mutant = mutate(original, random);
                int n = i;
                survives("tar.gz mutant " + n, () -> TarGzEntries.forEach(new ByteArrayInputStream(mutant),
                        "small.tar.gz", name -> true, (name, bytes) -> { }));
            }
        });
    }

    /** Mutating the gzip bytes mostly trips its CRC; mutating the tar inside reaches the tar header parser. */
    @Test
    void mutatedTarInsideValidGzipReadsOrFailsClearly() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("reuters/reut2-000.sgm", Files.readAllBytes(Path.of("src/test/resources/textnet/data/reuters-quirks.sgm")));
        entries.put("reuters/README.txt", Fixtures.utf8("readme"));
        byte[] tar = gunzip(Files.readAllBytes(Fixtures.tarGz(dir.resolve("r.tar.gz"), entries)));
        SplittableRandom random = new SplittableRandom(SEED + 2);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                byte[] mutant = gzip(mutate(tar, random));
                int n = i;
                survives("tar mutant " + n, () -> TarGzEntries.forEach(new ByteArrayInputStream(mutant),
                        "r.tar.gz", name -> true, (name, bytes) -> ReutersSgml.parse(name,
                                new String(bytes, StandardCharsets.ISO_8859_1))));
            }
        });
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private static void survives(String what, Runnable parse) {
        try {
            parse.run();
        } catch (JobException e) {
            assertFalse(e.getMessage().contains("\n"), what + ": the error is not one line: " + e.getMessage());
        } catch (Throwable t) {
            fail(what + " (seed " + SEED + ") threw " + t, t);
        }
    }

    /** One to three edits: flip a byte, cut the tail, insert random bytes, or delete a run. */
    static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] b = original.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b = Arrays.copyOf(b, at);
                case 2 -> {
                    byte[] inserted = new byte[1 + random.nextInt(16)];
                    for (int k = 0; k < inserted.length; k++) {
                        inserted[k] = (byte) random.nextInt(256);
                    }
                    byte[] out = new byte[b.length + inserted.length];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(inserted, 0, out, at, inserted.length);
                    System.arraycopy(b, at, out, at + inserted.length, b.length - at);
                    b = out;
                }
                default -> {
                    int length = Math.min(b.length - at, 1 + random.nextInt(32));
                    byte[] out = new byte[b.length - length];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + length, out, at, b.length - at - length);
                    b = out;
                }
            }
        }
        return b;
    }
}
