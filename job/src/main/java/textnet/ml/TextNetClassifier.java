package textnet.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.config.LayerConfig;
import textnet.config.OutputMode;
import textnet.io.ModelFiles;
import textnet.io.VectorInputModel;
import textnet.nn.ClassWeights;
import textnet.nn.NetworkSpec;
import textnet.text.MultiHotBlock;
import textnet.text.MultiHotBlocks;
import textnet.train.EpochListener;
import textnet.train.EpochProgress;
import textnet.train.Trainer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * textnet's dense text classifier as a Spark ML Estimator: fits on a vector {@code featuresCol}
 * (e.g. a user's RegexTokenizer and CountVectorizer stages; non-zero entries are ones) and a
 * {@code labelCol} of class numbers 0.0 .. k-1. The params are the job's config keys under Spark
 * ML names; {@link #fit} turns them into a {@link JobConfig} through {@link ConfigLoader}, so a bad
 * value fails with the job's message naming its config key (the params themselves accept anything).
 */
public final class TextNetClassifier extends Estimator<TextNetModel> implements DefaultParamsWritable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String uid;
    private final IntArrayParam layers;
    private final Param<String> activation;
    private final DoubleParam dropout;
    private final DoubleParam l1;
    private final DoubleParam l2;
    private final IntParam epochs;
    private final IntParam batchSize;
    private final IntParam partitions;
    private final LongParam seed;
    private final Param<String> optimizer;
    private final DoubleParam learningRate;
    private final Param<String> classWeight;
    private final BooleanParam binary;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;

    public TextNetClassifier() {
        this(Identifiable$.MODULE$.randomUID("textnet"));
    }

    /** The constructor Spark's DefaultParamsReader calls when it loads a saved pipeline. */
    public TextNetClassifier(String uid) {
        this.uid = uid;
        layers = new IntArrayParam(this, "layers", "units of each hidden Dense layer (model.layers)");
        activation = new Param<>(this, "activation", "activation of the hidden layers (model.layers.N.activation)");
        dropout = new DoubleParam(this, "dropout", "rate of a Dropout layer after each hidden Dense layer;"
                + " 0: none (model.layers: {dropout: RATE})");
        l1 = new DoubleParam(this, "l1", "l1 kernel regularizer of each hidden Dense layer; 0: none"
                + " (model.layers.N.kernel-regularizer.l1)");
        l2 = new DoubleParam(this, "l2", "l2 kernel regularizer of each hidden Dense layer; 0: none"
                + " (model.layers.N.kernel-regularizer.l2)");
        epochs = new IntParam(this, "epochs", "passes over the data (train.epochs)");
        batchSize = new IntParam(this, "batchSize", "rows per optimizer step in each partition (train.batch-size)");
        partitions = new IntParam(this, "partitions", "Spark partitions trained in parallel (train.partitions)");
        seed = new LongParam(this, "seed", "seed of the initial weights and the row order (train.seed)");
        optimizer = new Param<>(this, "optimizer", "rmsprop, adam or sgd (train.optimizer.name)");
        learningRate = new DoubleParam(this, "learningRate", "step size (train.optimizer.learning-rate)");
        classWeight = new Param<>(this, "classWeight", "balanced, or a YAML mapping of class number to weight,"
                + " e.g. {2: 3.0}; unset: every class 1 (train.class-weight)");
        binary = new BooleanParam(this, "binary", "true: a non-zero entry of a feature vector is a one (as"
                + " CountVectorizer's binary); false: the entries are the values the network reads (counts, tf-idf;"
                + " vectorizer.output-mode count)");
        featuresCol = new Param<>(this, "featuresCol", "vector column; non-zero entries are ones unless binary is false");
        labelCol = new Param<>(this, "labelCol", "class numbers 0.0, 1.0, ... k-1");
        predictionCol = new Param<>(this, "predictionCol", "predicted class number (double)");
        probabilityCol = new Param<>(this, "probabilityCol", "vector of each class's probability");
        // the job's defaults, read from defaults.yaml (not copied), so fit() with no params trains what
        // `textnet train` trains
        JobConfig defaults = ConfigLoader.load(null, List.of());
        setDefault(layers, defaults.model().layers().stream().mapToInt(LayerConfig::units).toArray());
        setDefault(activation, defaults.model().layers().get(0).activation());
        setDefault(dropout, 0.0);
        setDefault(l1, 0.0);
        setDefault(l2, 0.0);
        setDefault(epochs, defaults.train().epochs());
        setDefault(batchSize, defaults.train().batchSize());
        setDefault(partitions, defaults.train().partitions());
        setDefault(seed, defaults.train().seed());
        setDefault(optimizer, defaults.train().optimizer().name());
        setDefault(learningRate, defaults.train().optimizer().learningRate());
        setDefault(binary, true);
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
    }

    @Override
    public String uid() {
        return uid;
    }

    /**
     * Trains as {@code textnet train} does (rows dealt to partitions by id, Trainer's epoch loop) and
     * returns the model with this estimator's output columns.
     */
    @Override
    public TextNetModel fit(Dataset<?> dataset) {
        JobConfig config = ConfigLoader.load(null, configOverrides());
        Dataset<Row> data = dataset.toDF();
        transformSchema(data.schema());
        VectorRows.Shape shape = VectorRows.shapeOf(data, getFeaturesCol(), getLabelCol());
        NetworkSpec spec = NetworkSpec.of(config.model(), shape.inputSize(), shape.classes());
        JavaRDD<MultiHotBlock> blocks = MultiHotBlocks.deal(VectorRows.keyed(data, getFeaturesCol(), getLabelCol(), getBinary()),
                config.train().partitions(), config.train().blockRows(), "TextNetClassifier rows");
        try {
            // train.class-weight names classes by their number here: the labels are "0", "1", ...
            ClassWeights weights = config.train().classWeight() == null ? null : ClassWeights.of(
                    config.train().classWeight(), VectorRows.classNames(shape.classes()),
                    VectorRows.rowsPerClass(data, getLabelCol(), shape.classes()));
            Trainer.Result result = new Trainer(spec, config.train(), EpochProgress.NONE, weights)
                    .fit(blocks, null, EpochListener.watching(epoch -> { }));
            TextNetModel model = new TextNetModel(uid, new VectorInputModel(config, spec,
                    result.state().parameters(), shape.classes()));
            model.setFeaturesCol(getFeaturesCol()).setPredictionCol(getPredictionCol())
                    .setProbabilityCol(getProbabilityCol());
            return model.setParent(this);
        } finally {
            blocks.unpersist(false);
        }
    }

    /** The params as the job's {@code --set key=value} overrides, values written as JSON (valid YAML). */
    List<String> configOverrides() {
        List<Map<String, Object>> hidden = new ArrayList<>();
        for (int units : getLayers()) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("units", units);
            layer.put("activation", getActivation());
            if (getL1() != 0 || getL2() != 0) {
                Map<String, Object> regularizer = new LinkedHashMap<>();
                regularizer.put("l1", getL1());
                regularizer.put("l2", getL2());
                layer.put("kernel-regularizer", regularizer);
            }
            hidden.add(layer);
            if (getDropout() != 0) { // the job validates the rate, naming the layer's key
                hidden.add(Map.of("dropout", getDropout()));
            }
        }
        List<String> overrides = new ArrayList<>(List.of(
                "name=" + json(uid),
                "model.layers=" + json(hidden),
                "train.epochs=" + getEpochs(),
                "train.batch-size=" + getBatchSize(),
                "train.partitions=" + getPartitions(),
                "train.seed=" + getSeed(),
                "train.optimizer.name=" + json(getOptimizer()),
                "train.optimizer.learning-rate=" + json(getLearningRate()),
                "vectorizer.output-mode=" + json((getBinary() ? OutputMode.MULTI_HOT : OutputMode.COUNT).key())));
        if (isDefined(classWeight)) {
            overrides.add("train.class-weight=" + getClassWeight()); // already YAML: balanced or a mapping
        }
        return List.copyOf(overrides);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Columns.requireVector(schema, getFeaturesCol());
        Columns.requireNumeric(schema, getLabelCol());
        return Columns.withOutputs(schema, getPredictionCol(), getProbabilityCol());
    }

    @Override
    public TextNetClassifier copy(ParamMap extra) {
        return (TextNetClassifier) defaultCopy(extra);
    }

    public static MLReader<TextNetClassifier> read() {
        return new DefaultParamsReader<>();
    }

    public static TextNetClassifier load(String path) throws IOException {
        return read().load(path);
    }

    // Spark ML finds params through public no-argument methods returning a Param

    public IntArrayParam layers() {
        return layers;
    }

    public Param<String> activation() {
        return activation;
    }

    public DoubleParam dropout() {
        return dropout;
    }

    public BooleanParam binary() {
        return binary;
    }

    public DoubleParam l1() {
        return l1;
    }

    public DoubleParam l2() {
        return l2;
    }

    public IntParam epochs() {
        return epochs;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public IntParam partitions() {
        return partitions;
    }

    public LongParam seed() {
        return seed;
    }

    public Param<String> optimizer() {
        return optimizer;
    }

    public DoubleParam learningRate() {
        return learningRate;
    }

    public Param<String> classWeight() {
        return classWeight;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    public int[] getLayers() {
        return $(layers);
    }

    public String getActivation() {
        return $(activation);
    }

    public double getDropout() {
        return (Double) $(dropout);
    }

    public boolean getBinary() {
        return (Boolean) $(binary);
    }

    public double getL1() {
        return (Double) $(l1);
    }

    public double getL2() {
        return (Double) $(l2);
    }

    public int getEpochs() {
        return (Integer) $(epochs);
    }

    public int getBatchSize() {
        return (Integer) $(batchSize);
    }

    public int getPartitions() {
        return (Integer) $(partitions);
    }

    public long getSeed() {
        return (Long) $(seed);
    }

    public String getOptimizer() {
        return $(optimizer);
    }

    public double getLearningRate() {
        return (Double) $(learningRate);
    }

    /** {@code train.class-weight}; only when {@link #isDefined} (it has no default: unset is none). */
    public String getClassWeight() {
        return $(classWeight);
    }

    public String getFeaturesCol() {
        return $(featuresCol);
    }

    public String getLabelCol() {
        return $(labelCol);
    }

    public String getPredictionCol() {
        return $(predictionCol);
    }

    public String getProbabilityCol() {
        return $(probabilityCol);
    }

    public TextNetClassifier setLayers(int... value) {
        return (TextNetClassifier) set(layers, value);
    }

    public TextNetClassifier setActivation(String value) {
        return (TextNetClassifier) set(activation, value);
    }

    public TextNetClassifier setDropout(double value) {
        return (TextNetClassifier) set(dropout, value);
    }

    public TextNetClassifier setBinary(boolean value) {
        return (TextNetClassifier) set(binary, value);
    }

    public TextNetClassifier setL1(double value) {
        return (TextNetClassifier) set(l1, value);
    }

    public TextNetClassifier setL2(double value) {
        return (TextNetClassifier) set(l2, value);
    }

    public TextNetClassifier setEpochs(int value) {
        return (TextNetClassifier) set(epochs, value);
    }

    public TextNetClassifier setBatchSize(int value) {
        return (TextNetClassifier) set(batchSize, value);
    }

    public TextNetClassifier setPartitions(int value) {
        return (TextNetClassifier) set(partitions, value);
    }

    public TextNetClassifier setSeed(long value) {
        return (TextNetClassifier) set(seed, value);
    }

    public TextNetClassifier setOptimizer(String value) {
        return (TextNetClassifier) set(optimizer, value);
    }

    public TextNetClassifier setLearningRate(double value) {
        return (TextNetClassifier) set(learningRate, value);
    }

    public TextNetClassifier setClassWeight(String value) {
        return (TextNetClassifier) set(classWeight, value);
    }

    public TextNetClassifier setFeaturesCol(String value) {
        return (TextNetClassifier) set(featuresCol, value);
    }

    public TextNetClassifier setLabelCol(String value) {
        return (TextNetClassifier) set(labelCol, value);
    }

    public TextNetClassifier setPredictionCol(String value) {
        return (TextNetClassifier) set(predictionCol, value);
    }

    public TextNetClassifier setProbabilityCol(String value) {
        return (TextNetClassifier) set(probabilityCol, value);
    }
}
