package textnet.text;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import textnet.config.VectorizerConfig;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Text to multi-hot rows: {@link Tokenizer} tokens looked up in a {@link Vocabulary} fitted on the
 * training split only, and class names looked up in the {@link LabelIndex}. Fitted once per run
 * and saved with the model, so {@code predict} turns text into exactly the rows training saw.
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
        Vocabulary vocabulary = Vocabulary.fit(train.select("text").javaRDD().map(r -> r.getString(0)),
                new Tokenizer(config), config.vocabularySize());
        List<String> labels = train.select("label").javaRDD().map(r -> r.getString(0))
                .distinct().collect().stream().sorted().toList();
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

    /** Labelled rows keyed by document id; {@code split} names the data in errors. */
    public JavaPairRDD<String, MultiHotRow> transform(Dataset<Row> docs, String split) {
        LabelIndex labelIndex = labels;
        Broadcast<Columns> columns = columns(docs);
        return docs.select("id", "label", "text").javaRDD().mapToPair(r -> new scala.Tuple2<>(r.getString(0),
                new MultiHotRow(labelIndex.indexOf(r.getString(1), split), columns.value().of(r.getString(2)))));
    }

    /** (id, multi-hot indices) of unlabelled documents (columns id, text), for prediction. */
    public JavaRDD<scala.Tuple2<String, int[]>> transformUnlabelled(Dataset<Row> docs) {
        Broadcast<Columns> columns = columns(docs);
        return docs.select("id", "text").javaRDD()
                .map(r -> new scala.Tuple2<>(r.getString(0), columns.value().of(r.getString(1))));
    }

    /** The multi-hot indices of one text (sorted, distinct). */
    public int[] indicesOf(String text) {
        return new Columns(new Tokenizer(config), vocabulary.index()).of(text);
    }

    private Broadcast<Columns> columns(Dataset<Row> docs) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(docs.sparkSession().sparkContext());
        return sc.broadcast(new Columns(new Tokenizer(config), vocabulary.index()));
    }

    /** Token to column lookup, shipped once per executor as a broadcast. */
    private record Columns(Tokenizer tokenizer, Map<String, Integer> index) implements Serializable {
        int[] of(String text) {
            Collector found = new Collector(index);
            tokenizer.forEachToken(text, found);
            return found.sortedDistinct();
        }
    }

    /** Gathers the columns of the tokens it is given. */
    private static final class Collector implements Consumer<String> {
        private final Map<String, Integer> index;
        private int[] columns = new int[64];
        private int count;

        Collector(Map<String, Integer> index) {
            this.index = index;
        }

        @Override
        public void accept(String token) {
            Integer column = index.get(token);
            if (column != null) {
                if (count == columns.length) {
                    columns = Arrays.copyOf(columns, count * 2);
                }
                columns[count++] = column;
            }
        }

        int[] sortedDistinct() {
            Arrays.sort(columns, 0, count);
            int distinct = 0;
            for (int i = 0; i < count; i++) {
                if (i == 0 || columns[i] != columns[i - 1]) {
                    columns[distinct++] = columns[i];
                }
            }
            return Arrays.copyOf(columns, distinct);
        }
    }
}
