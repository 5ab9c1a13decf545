package textnet.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import textnet.text.MultiHotBlock;
import textnet.text.VectorizedCorpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Spark MLlib's own classifiers on textnet's multi-hot rows, as a Spark user would run them. */
final class MllibBaselines {

    private static final StructType SCHEMA = new StructType()
            .add("label", DataTypes.DoubleType, false)
            .add("features", SQLDataTypes.VectorType(), false);

    private MllibBaselines() {
    }

    /** MultilayerPerceptronClassifier, layers inputs-hidden-hidden-classes, l-bfgs. */
    static ObjectNode perceptron(SparkSession spark, VectorizedCorpus data, int hidden, int iterations, boolean quick) {
        int inputs = data.vectorizer().vocabulary().size();
        int classes = data.vectorizer().labels().size();
        Dataset<Row> train = frame(spark, data.train(), inputs);
        if (quick) {
            train = train.limit(1000).cache();
        }
        train.count();
        MultilayerPerceptronClassifier mlp = new MultilayerPerceptronClassifier()
                .setLayers(new int[]{inputs, hidden, hidden, classes})
                .setSolver("l-bfgs").setMaxIter(iterations).setSeed(42);
        ObjectNode out = fitAndScore(mlp, train, frame(spark, data.test(), inputs));
        out.put("layers", inputs + "-" + hidden + "-" + hidden + "-" + classes).put("iterations", iterations);
        train.unpersist();
        return out;
    }

    static ObjectNode logisticRegression(SparkSession spark, VectorizedCorpus data, int iterations) {
        int inputs = data.vectorizer().vocabulary().size();
        Dataset<Row> train = frame(spark, data.train(), inputs);
        train.count();
        ObjectNode out = fitAndScore(new LogisticRegression().setMaxIter(iterations), train, frame(spark, data.test(), inputs));
        out.put("iterations", iterations);
        train.unpersist();
        return out;
    }

    private static ObjectNode fitAndScore(Estimator<?> estimator, Dataset<Row> train, Dataset<Row> test) {
        long started = System.nanoTime();
        Transformer model = (Transformer) estimator.fit(train);
        double seconds = (System.nanoTime() - started) / 1e9;
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                .evaluate(model.transform(test));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("train_seconds", seconds).put("test_accuracy", accuracy);
        return out;
    }

    /** (label, features) rows, the multi-hot indices as a sparse vector of ones. */
    static Dataset<Row> frame(SparkSession spark, JavaRDD<MultiHotBlock> blocks, int inputs) {
        JavaRDD<Row> rows = blocks.flatMap(block -> {
            List<Row> out = new ArrayList<>(block.size());
            for (int r = 0; r < block.size(); r++) {
                int[] indices = block.batch(r, r + 1).indices();
                double[] ones = new double[indices.length];
                Arrays.fill(ones, 1.0);
                out.add(RowFactory.create((double) block.label(r), Vectors.sparse(inputs, indices, ones)));
            }
            return out.iterator();
        });
        return spark.createDataFrame(rows, SCHEMA).cache();
    }
}
