package textnet.ml;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import textnet.JobException;
import textnet.eval.Predictions;
import textnet.nn.MultiHotBatch;
import textnet.nn.Network;
import textnet.nn.NetworkSpec;
import textnet.train.NativeThreads;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One partition's predictions: rows are read in batches, each batch goes through one forward pass
 * of the heap network with the broadcast parameters, and every row comes back with its prediction
 * and class probabilities appended. Lazy, so a partition is never held in memory whole.
 */
final class PartitionPredictor implements FlatMapFunction<Iterator<Row>, Row> {

    static final int BATCH = 1024;

    private final Broadcast<float[]> parameters;
    private final NetworkSpec spec;
    private final int featuresIndex;

    PartitionPredictor(Broadcast<float[]> parameters, NetworkSpec spec, int featuresIndex) {
        this.parameters = parameters;
        this.spec = spec;
        this.featuresIndex = featuresIndex;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        NativeThreads.useOnePerTask();
        Network network = new Network(spec);
        float[] params = parameters.value();
        return new Iterator<>() {
            private final List<Row> done = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                if (next == done.size() && rows.hasNext()) {
                    done.clear();
                    next = 0;
                    predictBatch(network, params, rows, done);
                }
                return next < done.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return done.get(next++);
            }
        };
    }

    private void predictBatch(Network network, float[] params, Iterator<Row> rows, List<Row> out) {
        List<Row> batchRows = new ArrayList<>(BATCH);
        List<int[]> batchIndices = new ArrayList<>(BATCH);
        while (batchRows.size() < BATCH && rows.hasNext()) {
            Row row = rows.next();
            batchRows.add(row);
            batchIndices.add(indicesOf(row));
        }
        int n = batchRows.size();
        // a binary network's one sigmoid unit becomes [1 - p, p], Spark ML's probability column
        Predictions outputs = new Predictions(spec.outputUnits(),
                network.predict(params, MultiHotBatch.unlabelled(batchIndices)), new int[n]);
        for (int i = 0; i < n; i++) {
            double[] probability = outputs.classProbabilities(i);
            Object[] values = new Object[batchRows.get(i).length() + 2];
            for (int c = 0; c < batchRows.get(i).length(); c++) {
                values[c] = batchRows.get(i).get(c);
            }
            values[values.length - 2] = (double) outputs.predictedClass(i);
            values[values.length - 1] = Vectors.dense(probability);
            out.add(RowFactory.create(values));
        }
    }

    private int[] indicesOf(Row row) {
        if (row.isNullAt(featuresIndex)) {
            throw JobException.input("a row has a null feature vector");
        }
        Vector v = (Vector) row.get(featuresIndex);
        if (v.size() != spec.inputSize()) {
            throw JobException.input("a feature vector has " + v.size() + " entries; the model was trained on "
                    + spec.inputSize() + " (was the CountVectorizer refitted?)");
        }
        return VectorRows.indicesOf(v);
    }
}
