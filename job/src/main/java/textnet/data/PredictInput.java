package textnet.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import textnet.JobException;
import textnet.config.DataConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Unlabelled documents for {@code predict}, as columns (id, text): a folder of {@code .txt} files
 * or one {@code .txt} (id = file name), or a table file (id = row number; text from
 * {@code data.text-column}, for TSV the text after the first TAB, or the whole line without one).
 */
public final class PredictInput {

    public static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("text", DataTypes.StringType, false);

    private PredictInput() {
    }

    private static boolean hasTextFiles(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".txt"));
        } catch (java.io.IOException e) {
            throw JobException.input("--input " + dir + ": cannot list it: " + e.getMessage());
        }
    }

    public static Dataset<Row> read(SparkSession spark, Path input, DataConfig data) {
        String name = input.getFileName().toString().toLowerCase();
        String uri = input.toAbsolutePath().toString();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        boolean table = name.matches(".*\\.(tsv|csv|jsonl|json|parquet)$"); // Spark writes tables as folders too
        if (!table && (Files.isDirectory(input) || name.endsWith(".txt"))) {
            if (Files.isDirectory(input) && !hasTextFiles(input)) {
                throw JobException.input("--input " + input + " has no .txt files");
            }
            String pattern = Files.isDirectory(input) ? uri + "/*.txt" : uri;
            JavaRDD<Row> rows = sc.wholeTextFiles(pattern, sc.defaultParallelism())
                    .map(t -> RowFactory.create(t._1().substring(t._1().lastIndexOf('/') + 1), t._2()));
            return spark.createDataFrame(rows, SCHEMA).orderBy("id");
        }
        if (name.endsWith(".tsv")) {
            Dataset<Row> lines = spark.read().textFile(uri).toDF("line").select(functions.expr(
                    "CASE WHEN instr(line, '\\t') > 0 THEN substr(line, instr(line, '\\t') + 1) ELSE line END").as("text"));
            JavaRDD<Row> rows = lines.javaRDD().zipWithIndex()
                    .map(t -> RowFactory.create(Long.toString(t._2()), t._1().getString(0)));
            return spark.createDataFrame(rows, SCHEMA);
        }
        String format = name.endsWith(".csv") ? "csv" : name.endsWith(".parquet") ? "parquet"
                : name.endsWith(".jsonl") || name.endsWith(".json") ? "jsonl" : null;
        if (format == null) {
            throw JobException.input("--input " + input + ": expected a folder, .txt, .tsv, .csv, .jsonl or .parquet");
        }
        return TextTableReader.unlabelled(spark, format, uri, data.textColumn());
    }
}
