package textnet.data;

import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import textnet.JobException;
import textnet.config.DataConfig;
import textnet.config.DataFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Unlabelled documents for {@code predict}, as columns (id, text): a folder of {@code .txt} files
 * or one {@code .txt} (id = file name), or a table file (id = row number; text from
 * {@code data.text-column}, for TSV the text after the first TAB, or the whole line without one).
 * The same driver-side checks as training's inputs: no links out of the folder, no FIFOs or devices,
 * no document over {@link DocumentBytes#MAX_BYTES}, UTF-8 tables.
 */
public final class PredictInput {

    public static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("text", DataTypes.StringType, false);

    private static final String KEY = "--input";
    private static final String EXPECTED = "expected a folder, .txt, .tsv, .csv, .jsonl or .parquet";

    private PredictInput() {
    }

    public static Dataset<Row> read(SparkSession spark, Path input, DataConfig data) {
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        // absolute, so that the value is a local path whatever it holds (see InputPaths.hadoopPath)
        String value = input.toAbsolutePath().toString();
        // Spark writes tables as folders too: a table's name wins over being a folder
        DataFormat format = DataFormat.ofFileName(name);
        if (format == null && (Files.isDirectory(input) || name.endsWith(".txt"))) {
            return documents(spark, value);
        }
        if (format == null) {
            throw JobException.input(KEY + " " + input + ": " + EXPECTED);
        }
        List<InputFile> files = TableFile.require(spark.sparkContext(), KEY, value, format, new TableColumns(data.textColumn(), null), EXPECTED);
        return TextTableReader.unlabelled(spark, format, files, data.textColumn());
    }

    /** A folder of .txt files or one .txt file; each file is one document, read whole by a task. */
    private static Dataset<Row> documents(SparkSession spark, String value) {
        FileStatus status = InputPaths.require(spark.sparkContext(), KEY, value, EXPECTED);
        List<InputFile> files;
        if (status.isDirectory()) {
            files = CorpusFolder.of(spark.sparkContext(), status.getPath(), KEY, value).files("", n -> n.endsWith(".txt"));
            if (files.isEmpty()) {
                throw JobException.input(KEY + " " + value + " has no .txt files");
            }
        } else {
            DocumentBytes.requireSize(KEY, value, status.getLen());
            files = List.of(InputFile.of(status.getPath(), value, status.getLen()));
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> hadoop = SerializableConfiguration.broadcast(sc.sc());
        JavaRDD<Row> rows = sc.parallelize(files, Math.min(files.size(), sc.defaultParallelism()))
                .map(f -> RowFactory.create(f.name().substring(f.name().lastIndexOf('/') + 1),
                        Utf8Text.decode(DocumentBytes.read(f, hadoop.value().value(), KEY)).text()));
        return spark.createDataFrame(rows, SCHEMA).orderBy("id");
    }
}
