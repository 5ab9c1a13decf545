package textnet.ml;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;
import textnet.JobException;
import textnet.text.DocVector;
import textnet.text.MultiHotRow;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A DataFrame's (features, label) columns as textnet's rows. With {@code binary} (the default, as
 * CountVectorizer's {@code binary}) any non-zero entry of the vector counts as a one, so a
 * CountVectorizer's counts and its binary output give the same rows; without, the entries are the
 * row's values (counts, an IDF stage's tf-idf).
 */
final class VectorRows {

    private VectorRows() {
    }

    /** A vector's non-zero positions, ascending, with their values unless {@code binary} (then ones). */
    static DocVector vectorOf(Vector features, boolean binary) {
        SparseVector sparse = features.toSparse(); // keeps only non-zeros, in index order
        if (binary) {
            return DocVector.ones(sparse.indices());
        }
        double[] vs = sparse.values();
        float[] values = new float[vs.length];
        for (int k = 0; k < vs.length; k++) {
            values[k] = (float) vs[k];
        }
        return new DocVector(sparse.indices(), values);
    }

    /** What fit must know before it can build the network: the vector size and the number of classes. */
    record Shape(int inputSize, int classes, long rows) implements Serializable {
    }

    /**
     * One pass over the data checking what the network needs: vectors of one size, labels that are
     * class numbers (Spark ML's convention: 0.0, 1.0, ... k-1). Errors name the column.
     */
    static Shape shapeOf(Dataset<Row> data, String featuresCol, String labelCol) {
        Tuple2<long[], Long> summary = data.select(featuresCol, labelCol).javaRDD()
                .map(r -> {
                    Vector v = features(r, featuresCol);
                    int label = label(r, labelCol);
                    // {min size, max size, max label}
                    return new Tuple2<>(new long[]{v.size(), v.size(), label}, 1L);
                })
                .fold(new Tuple2<>(new long[]{Long.MAX_VALUE, Long.MIN_VALUE, -1}, 0L), (a, b) -> new Tuple2<>(
                        new long[]{Math.min(a._1()[0], b._1()[0]), Math.max(a._1()[1], b._1()[1]),
                                Math.max(a._1()[2], b._1()[2])}, a._2() + b._2()));
        long rows = summary._2();
        if (rows == 0) {
            throw JobException.input("TextNetClassifier.fit: the training DataFrame has no rows");
        }
        long[] s = summary._1();
        if (s[0] != s[1]) {
            throw JobException.input("column '" + featuresCol + "' holds vectors of different sizes ("
                    + s[0] + " to " + s[1] + "); the network needs one input size");
        }
        if (s[0] < 1) {
            throw JobException.input("column '" + featuresCol + "' holds empty vectors");
        }
        return new Shape((int) s[0], (int) s[2] + 1, rows);
    }

    /** The class names the Spark ML labels stand for: "0", "1", ... (train.class-weight's keys). */
    static List<String> classNames(int classes) {
        return IntStream.range(0, classes).mapToObj(Integer::toString).toList();
    }

    /** Rows of each class number, {@code balanced} class weights' counts (one more pass, only then). */
    static long[] rowsPerClass(Dataset<Row> data, String labelCol, int classes) {
        Map<Integer, Long> counts = data.select(labelCol).javaRDD() // labels already checked by shapeOf
                .map(r -> (int) ((Number) r.get(0)).doubleValue()).countByValue();
        long[] out = new long[classes];
        counts.forEach((c, n) -> out[c] = n);
        return out;
    }

    /** Rows keyed by their position in the DataFrame, which is what MultiHotBlocks deals by. */
    static JavaPairRDD<String, MultiHotRow> keyed(Dataset<Row> data, String featuresCol, String labelCol,
                                                  boolean binary) {
        return data.select(featuresCol, labelCol).javaRDD().zipWithIndex()
                .mapToPair(p -> new Tuple2<>(Long.toString(p._2()),
                        new MultiHotRow(label(p._1(), labelCol), vectorOf(features(p._1(), featuresCol), binary))));
    }

    private static Vector features(Row r, String column) {
        if (r.isNullAt(0)) {
            throw JobException.input("column '" + column + "' has a null vector");
        }
        return (Vector) r.get(0);
    }

    private static int label(Row r, String column) {
        if (r.isNullAt(1)) {
            throw JobException.input("column '" + column + "' has a null label");
        }
        double label = ((Number) r.get(1)).doubleValue();
        if (!(label >= 0) || label != Math.rint(label) || label > Integer.MAX_VALUE - 1) {
            throw JobException.input("column '" + column + "' holds " + label
                    + "; labels are class numbers 0, 1, ... (use a StringIndexer on text labels)");
        }
        return (int) label;
    }
}
