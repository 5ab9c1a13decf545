package textnet.ml;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import textnet.JobException;
import textnet.eval.Predictions;
import textnet.nn.ForwardPass;
import textnet.nn.Network;
import textnet.nn.NetworkSpec;
import textnet.nn.NativeThreads;
import textnet.text.DocVector;

import java.util.Iterator;
import java.util.List;

/**
 * One partition's predictions: rows are read in batches, each batch goes through one forward pass
 * of the heap network with the broadcast parameters, and every row comes back with its prediction
 * and class probabilities appended. Lazy, so a partition is never held in memory whole.
 */
final class PartitionPredictor implements FlatMapFunction<Iterator<Row>, Row> {

    private final Broadcast<float[]> parameters;
    private final NetworkSpec spec;
    private final int featuresIndex;
    /** Whether a non-zero entry is a one ({@link VectorRows#vectorOf}). */
    private final boolean binary;

    PartitionPredictor(Broadcast<float[]> parameters, NetworkSpec spec, int featuresIndex, boolean binary) {
        this.parameters = parameters;
        this.spec = spec;
        this.featuresIndex = featuresIndex;
        this.binary = binary;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        NativeThreads.useOnePerTask();
        return ForwardPass.lazily(rows, this::vectorOf, new Network(spec), parameters.value(),
                this::appendPredictions);
    }

    /** Each row with its predicted class and class probabilities appended. */
    private void appendPredictions(List<Row> batch, float[] outputs, List<Row> out) {
        // a binary network's one sigmoid unit becomes [1 - p, p], Spark ML's probability column
        Predictions predictions = new Predictions(spec.outputUnits(), outputs, new int[batch.size()]);
        for (int i = 0; i < batch.size(); i++) {
            Row row = batch.get(i);
            Object[] values = new Object[row.length() + 2];
            for (int c = 0; c < row.length(); c++) {
                values[c] = row.get(c);
            }
            values[values.length - 2] = (double) predictions.predictedClass(i);
            values[values.length - 1] = Vectors.dense(predictions.classProbabilities(i));
            out.add(RowFactory.create(values));
        }
    }

    private DocVector vectorOf(Row row) {
        if (row.isNullAt(featuresIndex)) {
            throw JobException.input("a row has a null feature vector");
        }
        Vector v = (Vector) row.get(featuresIndex);
        if (v.size() != spec.inputSize()) {
            throw JobException.input("a feature vector has " + v.size() + " entries; the model was trained on "
                    + spec.inputSize() + " (was the CountVectorizer refitted?)");
        }
        return VectorRows.vectorOf(v, binary);
    }
}
