package textnet.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import textnet.JobException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text and label columns of a Parquet file or folder, read by Spark's Parquet source (binary,
 * columnar and splittable: nothing to gain from reading it ourselves). A null text is an empty
 * document; a label may be a string, a number (written canonically: see {@link LabelText}) or a
 * boolean; a null label is an error naming the row (from 1, in the order Spark reads the parts). In
 * multi-label mode a label is a set of classes: an array column of such values (a null element is an
 * error naming the row), or a scalar column (a string of {@code '|'}-joined names, normalized); see
 * {@link LabelSet}. An array column in single-label mode is an error.
 */
final class ParquetRows {

    private ParquetRows() {
    }

    /**
     * Rows keyed by their file's index in {@code files} and their row index in it (Spark's
     * {@code _metadata.row_index}: no pass of its own to number them, and the same keys however Spark
     * splits the files).
     */
    /** @param name how messages name the input (the user's value: a file, a folder of parts, a glob) */
    static JavaRDD<TableRow> read(SparkSession spark, List<InputFile> files, String name, TableColumns columns) {
        Dataset<Row> table = load(spark, files, name);
        columns.requireIn(name, List.of(table.columns()));
        requireType(table, name, "data.text-column", columns.text(), false);
        boolean lists = columns.labelled() && requireLabelType(table, name, columns);
        Map<String, Integer> indexOf = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            indexOf.put(files.get(i).path().toUri().getPath(), i);
            names.add(files.size() == 1 ? name : files.get(i).name());
        }
        Column label = columns.labelled() ? column(columns.label()) : functions.lit(null);
        return table.select(column(columns.text()), label, functions.col("_metadata.file_path"),
                functions.col("_metadata.row_index")).javaRDD().map(row -> {
            Integer file = indexOf.get(java.net.URI.create(row.getString(2)).getPath()); // file_path is percent-encoded
            if (file == null) {
                throw new IllegalStateException("Spark read a file that was not listed: " + row.getString(2));
            }
            long number = row.getLong(3);
            long key = ((long) file << TableSplit.FILE_SHIFT) | number;
            String text = row.isNullAt(0) ? "" : row.getString(0);
            if (!columns.labelled()) {
                return new TableRow(key, text, null, false);
            }
            if (row.isNullAt(1)) {
                throw columns.noLabel(names.get(file), "row " + (number + 1));
            }
            if (!columns.multiLabel()) {
                return new TableRow(key, text, LabelText.of(row.get(1)), false);
            }
            String where = names.get(file) + " row " + (number + 1);
            return new TableRow(key, text, lists ? labelSet(row.getList(1), where, columns.label())
                    : columns.labelOf(LabelText.of(row.get(1)), () -> where), false);
        });
    }

    private static Dataset<Row> load(SparkSession spark, List<InputFile> files, String name) {
        String[] paths = files.stream().map(f -> InputPaths.literalPattern(f.path())).toArray(String[]::new);
        try {
            return spark.read().parquet(paths);
        } catch (Exception e) { // AnalysisException is checked in Scala's eyes only
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw JobException.input(name + ": not a readable parquet file: " + OneLine.of(why), e);
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

    /**
     * The label column's type: strings, numbers or booleans, or (multi-label mode only) arrays of them.
     *
     * @return whether the column holds arrays
     */
    private static boolean requireLabelType(Dataset<Row> table, String file, TableColumns columns) {
        DataType type = table.schema().apply(columns.label()).dataType();
        if (!(type instanceof ArrayType array)) {
            if (columns.multiLabel() && !isScalar(type)) {
                throw JobException.input(file + ": column '" + columns.label() + "' (data.label-column) holds "
                        + type.simpleString() + "; expected strings, numbers or booleans, or arrays of them");
            }
            requireType(table, file, "data.label-column", columns.label(), true);
            return false;
        }
        if (!columns.multiLabel()) {
            throw columns.listNeedsMulti(file, type.simpleString());
        }
        if (!isScalar(array.elementType())) {
            throw JobException.input(file + ": column '" + columns.label() + "' (data.label-column) holds "
                    + type.simpleString() + "; expected arrays of strings, numbers or booleans");
        }
        return true;
    }

    private static boolean isScalar(DataType type) {
        return type instanceof StringType || type instanceof NumericType || type instanceof BooleanType;
    }

    /** An array's elements as class names, joined ({@link LabelSet#join}); a null element is an error. */
    private static String labelSet(List<Object> elements, String where, String column) {
        List<String> classes = new ArrayList<>(elements.size());
        for (Object e : elements) {
            if (e == null) {
                throw JobException.input(where + ": column '" + column + "' (data.label-column) holds an array with"
                        + " null in it; expected strings, numbers or booleans");
            }
            classes.add(LabelText.of(e));
        }
        return LabelSet.join(classes, where);
    }

    /** Backticks, so a column name with dots or spaces is taken as one name. */
    private static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
