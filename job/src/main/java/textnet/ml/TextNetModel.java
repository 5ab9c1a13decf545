package textnet.ml;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReadable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import textnet.config.OutputMode;
import textnet.io.ModelFiles;
import textnet.io.VectorInputModel;

import java.io.IOException;
import java.util.Arrays;

/**
 * A trained textnet network as a Spark ML Transformer: appends {@code prediction} (the class
 * number, double) and {@code probability} (an ml Vector, one entry per class). Saved with
 * {@link #write()} as Spark ML's stage metadata plus textnet's model folder (see {@link TextNetModelWriter}).
 */
public final class TextNetModel extends Model<TextNetModel> implements MLWritable {

    private final String uid;
    private final VectorInputModel network;
    private final Param<String> featuresCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;

    TextNetModel(String uid, VectorInputModel network) {
        this.uid = uid;
        this.network = network;
        featuresCol = new Param<>(this, "featuresCol", "vector column; non-zero entries are ones, or their values"
                + " for a model whose vectorizer.output-mode is count or tf-idf");
        predictionCol = new Param<>(this, "predictionCol", "predicted class number (double)");
        probabilityCol = new Param<>(this, "probabilityCol", "vector of each class's probability");
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The trained network: config, shape, parameters and number of classes. */
    public VectorInputModel network() {
        return network;
    }

    public int numClasses() {
        return network.classes();
    }

    /** The parameters are broadcast once; each partition predicts in batches ({@link PartitionPredictor}). */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        Dataset<Row> data = dataset.toDF();
        StructType out = transformSchema(data.schema());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        // not destroyed here: the returned DataFrame is lazy and reads it whenever it is computed
        Broadcast<float[]> parameters = sc.broadcast(network.parameters());
        int featuresIndex = Arrays.asList(data.schema().fieldNames()).indexOf(getFeaturesCol());
        JavaRDD<Row> rows = data.javaRDD()
                .mapPartitions(new PartitionPredictor(parameters, network.spec(), featuresIndex,
                        network.config().vectorizer().mode() == OutputMode.MULTI_HOT), true);
        return data.sparkSession().createDataFrame(rows, out);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Columns.requireVector(schema, getFeaturesCol());
        return Columns.withOutputs(schema, getPredictionCol(), getProbabilityCol());
    }

    @Override
    public TextNetModel copy(ParamMap extra) {
        TextNetModel copy = new TextNetModel(uid, network);
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new TextNetModelWriter(this);
    }

    public static MLReader<TextNetModel> read() {
        return new TextNetModelReader();
    }

    public static TextNetModel load(String path) {
        return read().load(path);
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    public String getFeaturesCol() {
        return $(featuresCol);
    }

    public String getPredictionCol() {
        return $(predictionCol);
    }

    public String getProbabilityCol() {
        return $(probabilityCol);
    }

    public TextNetModel setFeaturesCol(String value) {
        return (TextNetModel) set(featuresCol, value);
    }

    public TextNetModel setPredictionCol(String value) {
        return (TextNetModel) set(predictionCol, value);
    }

    public TextNetModel setProbabilityCol(String value) {
        return (TextNetModel) set(probabilityCol, value);
    }
}
