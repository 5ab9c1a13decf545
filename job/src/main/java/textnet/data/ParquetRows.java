package textnet.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import textnet.JobException;

import java.util.List;

/**
 * The text and label columns of a Parquet file or folder, read by Spark's Parquet source (binary,
 * columnar and splittable: nothing to gain from reading it ourselves). A null text is an empty
 * document; a label may be a string, a number (written canonically: see {@link LabelText}) or a
 * boolean; a null label is an error naming the row (from 1, in the order Spark reads the parts).
 */
final class ParquetRows {

    private ParquetRows() {
    }

    static JavaRDD<TableRow> read(SparkSession spark, InputFile file, TableColumns columns) {
        Dataset<Row> table = load(spark, file);
        String name = file.name();
        columns.requireIn(name, List.of(table.columns()));
        requireType(table, name, "data.text-column", columns.text(), false);
        if (columns.labelled()) {
            requireType(table, name, "data.label-column", columns.label(), true);
        }
        Column label = columns.labelled() ? column(columns.label()) : functions.lit(null);
        return table.select(column(columns.text()), label).javaRDD().zipWithIndex().map(numbered -> {
            Row row = numbered._1();
            long number = numbered._2();
            String text = row.isNullAt(0) ? "" : row.getString(0);
            if (!columns.labelled()) {
                return new TableRow(number, text, null, false);
            }
            if (row.isNullAt(1)) {
                throw columns.noLabel(name, "row " + (number + 1));
            }
            return new TableRow(number, text, LabelText.of(row.get(1)), false);
        });
    }

    private static Dataset<Row> load(SparkSession spark, InputFile file) {
        try {
            return spark.read().parquet(InputPaths.literalPattern(file.path()));
        } catch (Exception e) { // AnalysisException is checked in Scala's eyes only
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw JobException.input(file.name() + ": not a readable parquet file: " + OneLine.of(why), e);
        }
    }

    /**
     * Text must be a string column; a label may also be a number or boolean. Spark would cast a struct
     * or array to a string such as "{a, b}" and train on that, silently.
     */
    private static void requireType(Dataset<Row> table, String file, String key, String name, boolean label) {
        DataType type = table.schema().apply(name).dataType();
        boolean ok = type instanceof StringType
                || (label && (type instanceof NumericType || type instanceof BooleanType));
        if (!ok) {
            throw JobException.input(file + ": column '" + name + "' (" + key + ") holds " + type.simpleString()
                    + "; expected " + (label ? "strings, numbers or booleans" : "strings"));
        }
    }

    /** Backticks, so a column name with dots or spaces is taken as one name. */
    private static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
