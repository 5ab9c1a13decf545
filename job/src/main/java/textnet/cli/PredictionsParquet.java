package textnet.cli;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import textnet.eval.Predictions;
import scala.Tuple2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code predict --output X.parquet}: the CSV's columns (id, label, one {@code p_CLASS} double per
 * class) as a Parquet dataset, which Spark writes as a folder of part files.
 */
final class PredictionsParquet {

    private PredictionsParquet() {
    }

    static void write(SparkSession spark, List<Tuple2<String, float[]>> scored, List<String> classes, int units,
                      Path output) {
        StructType schema = new StructType().add("id", DataTypes.StringType, false)
                .add("label", DataTypes.StringType, false);
        for (String c : classes) {
            schema = schema.add("p_" + c, DataTypes.DoubleType, false);
        }
        List<Row> rows = new ArrayList<>(scored.size());
        for (Tuple2<String, float[]> s : scored) {
            Predictions p = new Predictions(units, s._2(), new int[1]);
            double[] probs = p.classProbabilities(0);
            Object[] values = new Object[2 + probs.length];
            values[0] = s._1();
            values[1] = classes.get(p.predictedClass(0));
            for (int k = 0; k < probs.length; k++) {
                values[2 + k] = probs[k];
            }
            rows.add(RowFactory.create(values));
        }
        // one part file: predictions are collected on the driver already, and one file is what users expect
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                .parquet(output.toUri().toString());
    }
}
