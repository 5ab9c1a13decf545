package textnet.data;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import textnet.config.DataFormat;
import textnet.JobException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code data.train}, {@code data.test} or predict's {@code --input} name: one file, a folder of
 * part files (what Spark writes), or a glob, resolved and checked on the driver before any task reads
 * them. A path that exists is taken literally (see {@link InputPaths}); only a value that names nothing
 * is tried as a glob ({@code *?[]{}}). Files whose names start with '.' or '_' ({@code _SUCCESS},
 * checksums) are skipped, as Spark skips them; a folder's or glob's empty files are skipped too.
 *
 * <p>Each file is a regular file (a FIFO or device is refused rather than read forever); the first
 * one's first bytes must be UTF-8 text ({@link TextEncoding}) and hold the columns asked for: a CSV's
 * header, the keys of the JSON objects in its first {@value TextEncoding#HEAD_BYTES} bytes (a key that
 * first appears later is missed: rare, as JSON Lines files repeat their keys), a Parquet schema
 * (checked by {@link ParquetRows}).
 */
final class TableFile {

    private static final String GLOB_CHARACTERS = "*?[]{}";

    private TableFile() {
    }

    /**
     * The files to read, sorted by path.
     *
     * @param hint what the user can do about a missing path, appended to the message
     */
    static List<InputFile> require(SparkContext context, String key, String value, DataFormat format, TableColumns columns,
                                   String hint) {
        List<InputFile> files = list(context, key, value, hint);
        if (files.isEmpty()) {
            throw noRows(key, value);
        }
        if (format != DataFormat.PARQUET) {
            checkText(context, key, files.get(0), format, columns);
        }
        return files;
    }

    private static List<InputFile> list(SparkContext context, String key, String value, String hint) {
        if (value == null || value.isBlank()) {
            throw JobException.input("config key '" + key + "' is not set; " + hint);
        }
        Path literal = InputPaths.hadoopPath(value);
        try {
            FileSystem fs = InputPaths.fileSystem(context, literal);
            if (!fs.exists(literal) && value.chars().anyMatch(c -> GLOB_CHARACTERS.indexOf(c) >= 0)) {
                FileStatus[] matched = fs.globStatus(literal);
                if (matched == null || matched.length == 0) {
                    throw JobException.input(key + ": " + value + " matches no files; " + hint);
                }
                List<InputFile> files = new ArrayList<>();
                for (FileStatus status : matched) {
                    files.addAll(filesOf(fs, key, value, status, true));
                }
                files.sort(Comparator.comparing(InputFile::uri));
                return files;
            }
            FileStatus status = InputPaths.require(context, key, value, hint);
            if (!status.isDirectory() && status.getLen() == 0) {
                throw noRows(key, value);
            }
            return filesOf(fs, key, value, status, false);
        } catch (IOException e) {
            throw JobException.input(key + ": cannot read " + value + ": " + OneLine.of(e.getMessage()), e);
        }
    }

    /** A file itself, or the files of a folder (not its sub-folders), sorted by name. */
    private static List<InputFile> filesOf(FileSystem fs, String key, String value, FileStatus status, boolean matched)
            throws IOException {
        if (!status.isDirectory()) {
            if (matched && (hidden(status.getPath().getName()) || status.getLen() == 0)) {
                return List.of();
            }
            requireRegular(fs, key, status);
            return List.of(InputFile.of(status.getPath(), matched ? value + ": " + status.getPath().getName() : value,
                    status.getLen()));
        }
        List<InputFile> files = new ArrayList<>();
        FileStatus[] entries = fs.listStatus(status.getPath());
        Arrays.sort(entries, Comparator.comparing(e -> e.getPath().getName()));
        for (FileStatus entry : entries) {
            if (entry.isFile() && !hidden(entry.getPath().getName()) && entry.getLen() > 0) {
                requireRegular(fs, key, entry);
                files.add(InputFile.of(entry.getPath(), value + "/" + entry.getPath().getName(), entry.getLen()));
            }
        }
        return files;
    }

    private static void requireRegular(FileSystem fs, String key, FileStatus status) throws IOException {
        if (LocalFiles.isLocal(fs)) {
            String odd = LocalFiles.oddKind(LocalFiles.of(status.getPath()));
            if (odd != null) {
                throw JobException.input(key + ": " + OneLine.name(status.getPath().toUri().getPath()) + " is " + odd
                        + ", not a regular file");
            }
        }
    }

    /** Spark's and Hadoop's rule: names starting with '.' or '_' are not data. */
    private static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    /** The first bytes of a text table: UTF-8, with the columns asked for. */
    private static void checkText(SparkContext context, String key, InputFile file, DataFormat format, TableColumns columns) {
        String value = file.name();
        byte[] head;
        try (InputStream in = DocumentBytes.openText(file, context.hadoopConfiguration(), key)) {
            head = in.readNBytes(TextEncoding.HEAD_BYTES);
        } catch (IOException e) {
            throw DocumentBytes.unreadable(key, value, e);
        }
        if (head.length == 0) {
            throw noRows(key, value); // a compressed file of nothing
        }
        boolean wholeFile = head.length < TextEncoding.HEAD_BYTES;
        String problem = TextEncoding.problem(head, head.length, wholeFile, value);
        if (problem != null) {
            throw JobException.input(key + ": " + value + " " + problem);
        }
        try {
            switch (format) {
                case CSV -> {
                    var header = CsvRows.header(new CsvRecords(new LineReader(new ByteArrayInputStream(head), value), value));
                    if (header.isEmpty()) {
                        throw noRows(key, value);
                    }
                    columns.requireIn(value, header);
                }
                case JSONL -> {
                    Set<String> keys = jsonKeys(head, wholeFile, value);
                    if (keys != null) {
                        columns.requireIn(value, keys);
                    }
                }
                default -> { }
            }
        } catch (IOException e) {
            throw DocumentBytes.unreadable(key, value, e);
        }
    }

    static JobException noRows(String key, String value) {
        return JobException.input(key + ": " + value + " has no rows");
    }

    /**
     * The keys of the JSON objects on the head's complete lines, in order of first appearance; null
     * when none of them is an object (the tasks then name the first bad line).
     */
    private static Set<String> jsonKeys(byte[] head, boolean wholeFile, String file) throws IOException {
        int end = head.length;
        if (!wholeFile) {
            while (end > 0 && head[end - 1] != '\n') {
                end--;
            }
        }
        LineReader lines = new LineReader(new ByteArrayInputStream(head, 0, end), file);
        Set<String> keys = new LinkedHashSet<>();
        boolean anyObject = false;
        while (lines.next()) {
            Set<String> line = JsonlRows.keysOf(lines.text().text());
            if (line != null) {
                anyObject = true;
                keys.addAll(line);
            }
        }
        return anyObject ? keys : null;
    }
}
