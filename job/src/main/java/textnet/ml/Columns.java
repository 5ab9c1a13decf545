package textnet.ml;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import textnet.JobException;

import java.util.Arrays;

/** Schema checks and the output columns the classifier and its model share. */
final class Columns {

    private Columns() {
    }

    static void requireVector(StructType schema, String column) {
        StructField field = field(schema, column);
        if (!field.dataType().equals(SQLDataTypes.VectorType())) {
            throw JobException.input("column '" + column + "' must be an ml Vector (e.g. a CountVectorizer's output),"
                    + " it is " + field.dataType().simpleString());
        }
    }

    static void requireNumeric(StructType schema, String column) {
        StructField field = field(schema, column);
        if (!(field.dataType() instanceof NumericType)) {
            throw JobException.input("column '" + column + "' must hold class numbers 0, 1, ..., it is "
                    + field.dataType().simpleString() + " (use a StringIndexer on text labels)");
        }
    }

    /** The input schema plus prediction (double) and probability (vector); existing names are refused. */
    static StructType withOutputs(StructType schema, String predictionCol, String probabilityCol) {
        for (String out : new String[]{predictionCol, probabilityCol}) {
            if (Arrays.asList(schema.fieldNames()).contains(out)) {
                throw JobException.input("output column '" + out + "' already exists; choose another name");
            }
        }
        return schema.add(predictionCol, DataTypes.DoubleType, false)
                .add(probabilityCol, SQLDataTypes.VectorType(), false);
    }

    private static StructField field(StructType schema, String column) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw JobException.input("no column '" + column + "' (columns: " + String.join(", ", schema.fieldNames()) + ")");
        }
        return schema.apply(column);
    }
}
