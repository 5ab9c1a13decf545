package textnet.data;

import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.SparkSession;
import textnet.JobException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A table file named by {@code data.train}, {@code data.test} or predict's {@code --input}, checked on
 * the driver before any task reads it: it exists and is a regular file (a FIFO or device is refused
 * rather than read forever), it is not empty, its first bytes are UTF-8 text ({@link TextEncoding}),
 * and the columns asked for are there: a CSV's header, the keys of the JSON objects in its first
 * {@value TextEncoding#HEAD_BYTES} bytes (a key that first appears later is missed: rare, as JSON
 * Lines files repeat their keys), a Parquet schema (checked by {@link ParquetRows}).
 */
final class TableFile {

    private TableFile() {
    }

    /** @param hint what the user can do about a missing file, appended to the message */
    static InputFile require(SparkSession spark, String key, String value, String format, TableColumns columns,
                             String hint) {
        FileStatus status = InputPaths.require(spark, key, value, hint);
        InputFile file = InputFile.of(status.getPath(), value, status.getLen());
        if (!status.isDirectory() && status.getLen() == 0) {
            throw noRows(key, value);
        }
        if (format.equals("parquet")) {
            return file; // binary, and Spark writes it as a folder of parts
        }
        if (status.isDirectory()) {
            throw JobException.input(key + ": " + value + " is a folder; the " + format + " format reads one file");
        }
        byte[] head;
        try (InputStream in = DocumentBytes.openText(file, spark.sparkContext().hadoopConfiguration(), key)) {
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
                case "csv" -> {
                    var header = CsvRows.header(new CsvRecords(new LineReader(new ByteArrayInputStream(head), value), value));
                    if (header.isEmpty()) {
                        throw noRows(key, value);
                    }
                    columns.requireIn(value, header);
                }
                case "jsonl" -> {
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
        return file;
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
