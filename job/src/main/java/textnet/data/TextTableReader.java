package textnet.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import textnet.JobException;
import textnet.config.DataConfig;

import java.util.List;

/**
 * csv (with a header; quoted fields may span lines), jsonl and parquet: the columns
 * {@code data.text-column} (strings) and {@code data.label-column} (strings, numbers or booleans, cast to
 * strings). A null text is read as "", a null label is an error. id = the row's 0-based number within its split.
 */
final class TextTableReader {

    private static final String CORRUPT_RECORD = "_corrupt_record";

    private TextTableReader() {
    }

    static Corpus read(SparkSession spark, SplitFiles files, DataConfig config, int partitions) {
        JavaRDD<LabelledDoc> docs = Corpus.deal(split(spark, config, files.path(Split.TRAIN), Split.TRAIN)
                .union(split(spark, config, files.path(Split.TEST), Split.TEST)), partitions);
        docs.count();
        return new Corpus(spark, docs, partitions, List.of());
    }

    private static JavaRDD<LabelledDoc> split(SparkSession spark, DataConfig config, String path, Split split) {
        return rows(spark, config.format(), path, config.textColumn(), config.labelColumn())
                .map(r -> new LabelledDoc(split, Long.parseLong(r.getString(0)), r.getString(0), r.getString(1),
                        r.getString(2), false));
    }

    /** Unlabelled rows (id, text) of a table, for predict, with the same checks as training's. */
    static Dataset<Row> unlabelled(SparkSession spark, String format, String path, String textColumn) {
        return spark.createDataFrame(rows(spark, format, path, textColumn, null), PredictInput.SCHEMA);
    }

    /** (id, text, label) rows, or (id, text) when {@code labelColumn} is null. */
    private static JavaRDD<Row> rows(SparkSession spark, String format, String path, String textColumn,
                                     String labelColumn) {
        Dataset<Row> table = load(spark, format, path);
        requireColumn(table, path, "data.text-column", textColumn);
        requireType(table, path, "data.text-column", textColumn, false);
        if (labelColumn != null) {
            requireColumn(table, path, "data.label-column", labelColumn);
            requireType(table, path, "data.label-column", labelColumn, true);
        }
        // Spark marks a line that is not JSON by filling this column; without it the row would read as nulls.
        Column corrupt = List.of(table.columns()).contains(CORRUPT_RECORD) ? column(CORRUPT_RECORD) : functions.lit(null);
        Column label = labelColumn == null ? functions.lit(null) : column(labelColumn);
        return table.select(column(textColumn).cast("string"), label.cast("string"), corrupt.cast("string"))
                .javaRDD()
                .zipWithIndex()
                .map(row -> {
                    String text = row._1().getString(0) == null ? "" : row._1().getString(0);
                    String id = Long.toString(row._2());
                    if (row._1().getString(2) != null) {
                        throw JobException.input(path + ": row " + row._2() + " is not a JSON object");
                    }
                    if (labelColumn == null) {
                        return RowFactory.create(id, text);
                    }
                    if (row._1().getString(1) == null) {
                        throw JobException.input(path + ": row " + row._2() + " has no value in column '" + labelColumn + "'");
                    }
                    return RowFactory.create(id, text, row._1().getString(1));
                });
    }

    private static Dataset<Row> load(SparkSession spark, String format, String path) {
        try {
            return switch (format) {
                // escape '"': RFC 4180 doubles quotes inside quoted fields; Spark's default escape is '\'.
                case "csv" -> spark.read().option("header", "true").option("multiLine", "true")
                        .option("escape", "\"").csv(path);
                case "jsonl" -> spark.read().option("columnNameOfCorruptRecord", CORRUPT_RECORD).json(path);
                case "parquet" -> spark.read().parquet(path);
                default -> throw new IllegalArgumentException("not a table format: " + format);
            };
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw JobException.input(path + ": not a readable " + format + " file: " + why, e);
        }
    }

    private static void requireColumn(Dataset<Row> table, String path, String key, String name) {
        List<String> columns = List.of(table.columns());
        if (!columns.contains(name)) {
            throw JobException.input(path + ": no column '" + name + "' (" + key + "); columns found: "
                    + (columns.isEmpty() ? "none" : String.join(", ", columns)));
        }
    }

    /**
     * Text must be a string column; a label may also be a number or boolean (read as its string).
     * Spark would cast a struct or array to a string such as "{a, b}" and train on that, silently.
     */
    private static void requireType(Dataset<Row> table, String path, String key, String name, boolean label) {
        DataType type = table.schema().apply(name).dataType();
        boolean ok = type instanceof StringType
                || (label && (type instanceof NumericType || type instanceof BooleanType));
        if (!ok) {
            throw JobException.input(path + ": column '" + name + "' (" + key + ") holds " + type.simpleString()
                    + "; expected " + (label ? "strings, numbers or booleans" : "strings"));
        }
    }

    /** Backticks, so a column name with dots or spaces is taken as one name. */
    private static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
