package textnet.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.function.Executable;
import textnet.JobException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tiny corpora written by the tests themselves. */
public final class Fixtures {

    private Fixtures() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A .tar.gz with the entries in the map's iteration order (use a LinkedHashMap). */
    public static Path tarGz(Path file, Map<String, byte[]> entries) throws IOException {
        return tarGz(file, entries, null);
    }

    /**
     * The same, then {@code extra} if not null (with 4 bytes of content when it is a regular file):
     * a link or an entry with a hostile path.
     */
    public static Path tarGz(Path file, Map<String, byte[]> entries, TarArchiveEntry extra) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
            if (extra != null) {
                tar.putArchiveEntry(extra);
                if (extra.getSize() > 0) {
                    tar.write("evil".getBytes(StandardCharsets.US_ASCII));
                }
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    /** The same entries as files under {@code dir}. */
    static Path folder(Path dir, Map<String, byte[]> entries) {
        entries.forEach((name, bytes) -> {
            try {
                Path file = dir.resolve(name);
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return dir;
    }

    /** Rows as "id|text|label" strings, in Dataset order. */
    static List<String> rows(Dataset<Row> rows) {
        return rows.collectAsList().stream()
                .map(r -> r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2))
                .toList();
    }

    /** The input error that {@code action} fails with, however deeply Spark wrapped it; its message is one line. */
    static String inputError(Executable action) {
        return error(JobException.Kind.INPUT, action);
    }

    /** The JobException of {@code kind} that {@code action} fails with, however deeply Spark wrapped it; one line. */
    static String error(JobException.Kind kind, Executable action) {
        Throwable thrown = assertThrows(Throwable.class, action);
        JobException error = JobException.find(thrown);
        assertNotNull(error, () -> "no JobException in the cause chain of " + thrown);
        assertEquals(kind, error.kind(), error.getMessage());
        assertFalse(error.getMessage().contains("\n"), error.getMessage());
        return error.getMessage();
    }
}
