package textnet.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every bad-input test asserts: the exit code, one error line said last, and an untouched folder. */
final class CliChecks {

    private CliChecks() {
    }

    /** Runs the CLI and checks that it fails with {@code code} and one error line containing each of {@code says}. */
    static String fails(int code, List<String> says, String... args) {
        CliRunner.Outcome o = CliRunner.run(args);
        assertEquals(code, o.exitCode(), o.toString());
        List<String> errors = o.err().lines().filter(l -> l.startsWith("textnet: error: ")).toList();
        assertEquals(1, errors.size(), "one error line: " + o);
        assertTrue(o.err().strip().endsWith(errors.get(0)), "the error is the last thing said: " + o);
        for (String s : says) {
            assertTrue(errors.get(0).contains(s), "the error names '" + s + "': " + errors.get(0));
        }
        return errors.get(0);
    }

    static CliRunner.Outcome succeeds(String... args) {
        CliRunner.Outcome o = CliRunner.run(args);
        assertEquals(0, o.exitCode(), o.toString());
        return o;
    }

    /** Every file and folder under {@code root} with its size, modification time and SHA-256 (byte-identical or not). */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.forEach(p -> {
                try {
                    state.put(root.relativize(p).toString(), Files.isSymbolicLink(p) ? "link->" + Files.readSymbolicLink(p)
                            : Files.isDirectory(p) ? "dir"
                            : !Files.isRegularFile(p) ? "special"
                            : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis() + " sha256 " + sha256(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void unchanged(Map<String, String> before, Path root) {
        assertEquals(before, snapshot(root), "nothing under " + root + " changed");
    }

    static String config() {
        return textnet.SparkTestSupport.project().resolve("conf/imdb.yaml").toString();
    }
}
