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

    public static Dataset<Row> read(SparkSession spark, Path input, DataConfig data) {
        String name = input.getFileName().toString().toLowerCase();
        String uri = input.toAbsolutePath().toString();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (Files.isDirectory(input) || name.endsWith(".txt")) {
            String pattern = Files.isDirectory(input) ? uri + "/*.txt" : uri;
            JavaRDD<Row> rows = sc.wholeTextFiles(pattern, sc.defaultParallelism())
                    .map(t -> RowFactory.create(t._1().substring(t._1().lastIndexOf('/') + 1), t._2()));
            Dataset<Row> docs = spark.createDataFrame(rows, SCHEMA).orderBy("id");
            if (docs.isEmpty()) {
                throw JobException.input("--input " + input + " has no .txt files");
            }
            return docs;
        }
        Dataset<Row> table;
        if (name.endsWith(".tsv")) {
            table = spark.read().textFile(uri).toDF("line").select(functions.expr(
                    "CASE WHEN instr(line, '\\t') > 0 THEN substr(line, instr(line, '\\t') + 1) ELSE line END").as("text"));
        } else if (name.endsWith(".csv")) {
            table = spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"").csv(uri);
        } else if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            table = spark.read().json(uri);
        } else if (name.endsWith(".parquet")) {
            table = spark.read().parquet(uri);
        } else {
            throw JobException.input("--input " + input + ": expected a folder, .txt, .tsv, .csv, .jsonl or .parquet");
        }
        String column = name.endsWith(".tsv") ? "text" : data.textColumn();
        if (!Arrays.asList(table.columns()).contains(column)) {
            throw JobException.input("--input " + input + " has no text column '" + column + "' (columns found: "
                    + String.join(", ", table.columns()) + "); set data.text-column when training");
        }
        JavaRDD<Row> rows = table.select(functions.coalesce(functions.col(column).cast("string"), functions.lit("")))
                .javaRDD().zipWithIndex().map(t -> RowFactory.create(Long.toString(t._2()), t._1().getString(0)));
        return spark.createDataFrame(rows, SCHEMA);
    }
}
