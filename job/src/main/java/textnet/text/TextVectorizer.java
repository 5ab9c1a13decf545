package textnet.text;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import textnet.config.VectorizerConfig;

import java.io.Serializable;
import java.util.List;

/**
 * Text to multi-hot rows with Spark ML's own stages: {@link RegexTokenizer} (lowercase, split on
 * the token pattern) and a binary {@link CountVectorizerModel} over a {@link Vocabulary} fitted on
 * the training split only. Fitted once per run and saved with the model, so {@code predict} turns
 * text into exactly the rows training saw.
 */
public final class TextVectorizer implements Serializable {

    private final VectorizerConfig config;
    private final Vocabulary vocabulary;
    private final LabelIndex labels;

    public TextVectorizer(VectorizerConfig config, Vocabulary vocabulary, LabelIndex labels) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.labels = labels;
    }

    /** Fits vocabulary and labels on {@code train} (columns id, text, label). */
    public static TextVectorizer fit(Dataset<Row> train, VectorizerConfig config) {
        Vocabulary vocabulary = Vocabulary.fit(tokenize(train, config), config.vocabularySize());
        List<String> labels = train.select("label").distinct().javaRDD()
                .map(r -> r.getString(0)).collect().stream().sorted().toList();
        return new TextVectorizer(config, vocabulary, new LabelIndex(labels));
    }

    public VectorizerConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public LabelIndex labels() {
        return labels;
    }

    /** Labelled rows in the order of {@code docs}; {@code split} names the data in errors. */
    public JavaRDD<MultiHotRow> transform(Dataset<Row> docs, String split) {
        LabelIndex labelIndex = labels;
        return features(docs).select("label", "features").javaRDD()
                .map(r -> new MultiHotRow(labelIndex.indexOf(r.getString(0), split), indicesOf(r.get(1))));
    }

    /** Unlabelled rows for prediction: (id, multi-hot indices). Label -1. */
    public Dataset<Row> features(Dataset<Row> docs) {
        CountVectorizerModel counts = new CountVectorizerModel(vocabulary.tokens().toArray(String[]::new))
                .setInputCol("tokens").setOutputCol("features").setBinary(true);
        return counts.transform(tokenize(docs, config));
    }

    public static int[] indicesOf(Object features) {
        Vector v = (Vector) features;
        return v instanceof SparseVector s ? s.indices() : v.toSparse().indices();
    }

    private static Dataset<Row> tokenize(Dataset<Row> docs, VectorizerConfig config) {
        return new RegexTokenizer()
                .setInputCol("text").setOutputCol("tokens")
                .setPattern(config.tokenPattern()).setGaps(true)
                .setToLowercase(config.lowercase()).setMinTokenLength(1)
                .transform(docs);
    }
}
