package textnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the corpora of {@code scripts/bench --scale} from the IMDB archive, deterministically:
 * {@code OUT_DIR/train-N.FORMAT} (N rows; see {@link ScaleRows}) and {@code OUT_DIR/test.FORMAT} (IMDB's
 * 25,000 test reviews). TSV lines are {@code label<TAB>text}; Parquet has the columns {@code text} and
 * {@code label}, one file. Same archive and seed ⇒ the same bytes.
 *
 * <p>Usage: {@code ScaleCorpus ARCHIVE OUT_DIR N [--format tsv|parquet] [--seed S]} (seed 42 by default).
 *
 * <p>Each file is written under a temporary name, renamed into place, and then described by
 * {@code FILE.marker.json} (generator version, archive SHA-256, seed, rows, bytes, text bytes, seconds).
 * A file whose marker matches the request and whose size is the marker's is kept as it is: generating
 * 2.5M reviews takes a while. Memory: the source reviews (~65 MB) and one row (plus, for Parquet, one row
 * group); rows stream to disk.
 */
public final class ScaleCorpus {

    /** Raise it whenever the rows a given seed produces change, so that old files are rebuilt. */
    static final String GENERATOR = "textnet.bench.ScaleCorpus/2";
    static final long DEFAULT_SEED = 42;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScaleCorpus() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ScaleCorpus ARCHIVE OUT_DIR N [--format tsv|parquet] [--seed S]");
            System.exit(2);
        }
        String format = "tsv";
        long seed = DEFAULT_SEED;
        for (int a = 3; a + 1 < args.length; a += 2) {
            switch (args[a]) {
                case "--format" -> format = args[a + 1];
                case "--seed" -> seed = Long.parseLong(args[a + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[a]);
            }
        }
        if (!format.equals("tsv") && !format.equals("parquet")) {
            throw new IllegalArgumentException("--format must be tsv or parquet, not " + format);
        }
        generate(Paths.get(args[0]), Paths.get(args[1]), Long.parseLong(args[2]), format, seed)
                .forEach(System.out::println);
    }

    /** Writes (or keeps) the training and test files; returns one line per file saying which. */
    static List<String> generate(Path archive, Path outDir, long rows, String format, long seed)
            throws IOException {
        if (rows < 1) {
            throw new IllegalArgumentException("N must be at least 1, not " + rows);
        }
        Files.createDirectories(outDir);
        String sha256 = sha256(archive);
        Path trainFile = outDir.resolve("train-" + rows + "." + format);
        Path testFile = outDir.resolve("test." + format);
        ObjectNode trainWanted = wanted(sha256, format, seed, rows, "train");
        ObjectNode testWanted = wanted(sha256, format, seed, -1, "test");
        boolean trainReady = upToDate(trainFile, trainWanted);
        boolean testReady = upToDate(testFile, testWanted);
        List<String> lines = new ArrayList<>();
        if (trainReady && testReady) {
            lines.add(describe(trainFile, "up to date"));
            lines.add(describe(testFile, "up to date"));
            return lines;
        }
        long started = System.nanoTime();
        SourceReviews sources = SourceReviews.read(archive);
        double readSeconds = (System.nanoTime() - started) / 1e9;
        ScaleRows scaleRows = new ScaleRows(sources, seed);
        if (!trainReady) {
            write(trainFile, trainWanted, format, readSeconds, sink -> scaleRows.train(rows, sink));
            lines.add(describe(trainFile, "wrote"));
        } else {
            lines.add(describe(trainFile, "up to date"));
        }
        if (!testReady) {
            write(testFile, testWanted, format, readSeconds, scaleRows::test);
            lines.add(describe(testFile, "wrote"));
        } else {
            lines.add(describe(testFile, "up to date"));
        }
        return lines;
    }

    @FunctionalInterface
    private interface Rows {
        void into(ScaleRows.Sink sink) throws IOException;
    }

    private static void write(Path file, ObjectNode marker, String format, double readSeconds, Rows rows)
            throws IOException {
        long started = System.nanoTime();
        Path markerFile = markerOf(file);
        Files.deleteIfExists(markerFile);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.deleteIfExists(tmp);
        long rowCount;
        long textBytes;
        try (RowFile out = format.equals("tsv") ? new TsvRows(tmp) : new ParquetRows(tmp)) {
            rows.into(out);
            rowCount = out.rows();
            textBytes = out.textBytes();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        marker.put("rows", rowCount)
                .put("bytes", Files.size(file))
                .put("text_bytes", textBytes)
                .put("read_archive_seconds", readSeconds)
                .put("write_seconds", (System.nanoTime() - started) / 1e9);
        Path markerTmp = markerFile.resolveSibling("." + markerFile.getFileName() + ".tmp");
        JSON.writeValue(markerTmp.toFile(), marker);
        Files.move(markerTmp, markerFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static ObjectNode wanted(String sha256, String format, long seed, long rows, String split) {
        ObjectNode m = JSON.createObjectNode();
        m.put("generator", GENERATOR).put("archive_sha256", sha256).put("format", format).put("seed", seed)
                .put("split", split);
        if (rows >= 0) {
            m.put("rows", rows);
        }
        return m;
    }

    /** The marker says this file was made from the same archive, seed, format and row count, and its size still matches. */
    static boolean upToDate(Path file, ObjectNode wanted) throws IOException {
        Path marker = markerOf(file);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(marker)) {
            return false;
        }
        JsonNode m;
        try {
            m = JSON.readTree(marker.toFile());
        } catch (IOException e) {
            return false;
        }
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) wanted::fields) {
            // as text: Jackson reads 42 back as an int, which does not equal the long 42 that was written
            if (!field.getValue().asText().equals(m.path(field.getKey()).asText())) {
                return false;
            }
        }
        return m.path("bytes").asLong(-1) == Files.size(file);
    }

    static Path markerOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".marker.json");
    }

    /** The marker of a finished file, for the bench's report. */
    static JsonNode marker(Path file) throws IOException {
        return JSON.readTree(markerOf(file).toFile());
    }

    private static String describe(Path file, String what) throws IOException {
        JsonNode m = marker(file);
        return String.format(Locale.ROOT, "scale: %s %s: %,d rows, %.1f MB, text %.1f MB (generated in %.1f s)",
                what, file, m.path("rows").asLong(), m.path("bytes").asLong() / 1e6, m.path("text_bytes").asLong() / 1e6,
                m.path("read_archive_seconds").asDouble() + m.path("write_seconds").asDouble());
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
