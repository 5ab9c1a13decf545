package textnet.data;

import textnet.config.DataFormat;
import org.apache.hadoop.conf.Configuration;
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
 * The rows of tsv, csv or jsonl files, read by as many tasks as the files have {@link TableSplit}s:
 * a file from its first line to its last, or a large tsv or jsonl file of training rows a range of it
 * per task. Every row comes out keyed by its file's index and its place in the file; tokenizing, the
 * costly part, happens where the rows are read.
 */
final class TableRows {

    private TableRows() {
    }

    /**
     * @param key the config key (or option) that named the files, for messages
     * @param byRange whether a large uncompressed tsv or jsonl file may be read in ranges (training rows)
     */
    static JavaRDD<TableRow> read(JavaSparkContext sc, List<InputFile> files, String key, DataFormat format,
                                  TableColumns columns, boolean byRange) {
        Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(sc.sc());
        List<TableSplit> splits = TableSplit.of(files, byRange && format != DataFormat.CSV, sc.hadoopConfiguration());
        return sc.parallelize(splits, Math.max(1, splits.size())).mapPartitions(it -> {
            if (!it.hasNext()) {
                return java.util.Collections.emptyIterator();
            }
            TableSplit split = it.next();
            Configuration conf = hadoop.value().value();
            InputStream in = split.whole() ? DocumentBytes.openText(split.file(), conf, key)
                    : DocumentBytes.openAt(split.file(), conf, key, Math.max(0, split.start() - 1));
            TaskContext.get().addTaskCompletionListener((TaskCompletionListener) context -> closeQuietly(in));
            LineReader lines = split.whole() ? new LineReader(in, split.file().name())
                    : LineReader.ofSplit(in, split.file().name(), split.start(), split.end(),
                    offset -> TableSplit.linesBefore(split.file(), conf, key, offset));
            TableRowReader rows = reader(lines, key, split.file().name(), format, columns);
            return new java.util.Iterator<TableRow>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public TableRow next() {
                    TableRow r = rows.next();
                    return new TableRow(split.keyOf(r.key()), r.text(), r.utf8(), r.label(), r.repaired());
                }
            };
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

    /** The rows of the lines of one of the line-based formats (tsv, csv, jsonl). */
    static TableRowReader reader(LineReader lines, String key, String file, DataFormat format, TableColumns columns) {
        return switch (format) {
            case TSV -> new TsvRows(lines, key, file, columns);
            case JSONL -> new JsonlRows(lines, key, file, columns);
            case CSV -> {
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
