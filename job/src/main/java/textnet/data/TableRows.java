package textnet.data;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskCompletionListener;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The rows of a tsv, csv or jsonl file, read by one task from its first line to its last. That gives
 * every row its line and row number in the one pass (splitting a file between tasks needs a pass of
 * its own to count the lines of the earlier splits, and a .gz cannot be split anyway); the rows are
 * then tokenized where they are read. Several files are read by as many tasks.
 */
final class TableRows {

    private TableRows() {
    }

    /** @param key the config key (or option) that named the file, for messages */
    static JavaRDD<TableRow> read(JavaSparkContext sc, InputFile file, String key, String format, TableColumns columns) {
        Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(sc.sc());
        return sc.parallelize(List.of(file), 1).mapPartitions(files -> {
            InputFile f = files.next();
            InputStream in = DocumentBytes.openText(f, hadoop.value().value(), key);
            TaskContext.get().addTaskCompletionListener((TaskCompletionListener) context -> closeQuietly(in));
            return reader(in, key, f.name(), format, columns);
        });
    }

    /** The task is over (done or failed): nothing more to read, and nothing to say about closing. */
    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the rows were all read, or the task already failed with a better reason
        }
    }

    /** The rows of a stream in one of the line-based formats (tsv, csv, jsonl). */
    static TableRowReader reader(InputStream in, String key, String file, String format, TableColumns columns) {
        LineReader lines = new LineReader(in, file);
        return switch (format) {
            case "tsv" -> new TsvRows(lines, key, file, columns.labelled());
            case "jsonl" -> new JsonlRows(lines, key, file, columns);
            case "csv" -> {
                try {
                    yield new CsvRows(new CsvRecords(lines, file), key, file, columns);
                } catch (IOException e) {
                    throw DocumentBytes.unreadable(key, file, e);
                }
            }
            default -> throw new IllegalArgumentException("not a line-based table format: " + format);
        };
    }
}
