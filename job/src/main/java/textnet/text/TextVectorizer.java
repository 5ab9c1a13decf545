package textnet.text;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import textnet.config.VectorizerConfig;

import java.io.Serializable;
import java.util.List;

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
                config, config.vocabularySize());
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
        return transform(docs, split, null);
    }

    /**
     * {@link #transform(Dataset, String)}; with {@code sets} (multi-label: {@link #labelSetsOf}) a row's
     * label is its label set's number, which {@link MultiHotBlocks#deal} expands.
     */
    public JavaPairRDD<String, MultiHotRow> transform(Dataset<Row> docs, String split, LabelSets sets) {
        LabelIndex labelIndex = labels;
        Broadcast<List<String>> tokens = tokens(docs);
        VectorizerConfig vc = config;
        return docs.select("id", "label", "text").javaRDD().mapPartitionsToPair(rows -> {
            ColumnLookup lookup = new ColumnLookup(vc, tokens.value());
            return new MappedIterator<>(rows, r -> new scala.Tuple2<>(r.getString(0), new MultiHotRow(
                    sets != null ? sets.numberOf(r.getString(1)) : labelIndex.indexOf(r.getString(1), split),
                    lookup.columnsOf(r.getString(2)))));
        });
    }

    /** The label sets of multi-label documents (column label), numbered; a class unknown to the model is refused. */
    public LabelSets labelSetsOf(Dataset<Row> docs, String split) {
        List<String> found = docs.select("label").distinct().javaRDD().map(r -> r.getString(0)).collect()
                .stream().sorted().toList();
        return new LabelSets(found, labels, split);
    }

    /** (id, multi-hot indices) of unlabelled documents (columns id, text), for prediction. */
    public JavaRDD<scala.Tuple2<String, int[]>> transformUnlabelled(Dataset<Row> docs) {
        Broadcast<List<String>> tokens = tokens(docs);
        VectorizerConfig vc = config;
        return docs.select("id", "text").javaRDD().mapPartitions(rows -> {
            ColumnLookup lookup = new ColumnLookup(vc, tokens.value());
            return new MappedIterator<>(rows, r -> new scala.Tuple2<>(r.getString(0), lookup.columnsOf(r.getString(1))));
        });
    }

    /** The multi-hot indices of one text (sorted, distinct). */
    public int[] indicesOf(String text) {
        return new ColumnLookup(config, vocabulary.tokens()).columnsOf(text);
    }

    /** The vocabulary, shipped once per executor; each task builds its own {@link ColumnLookup} from it. */
    private Broadcast<List<String>> tokens(Dataset<Row> docs) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(docs.sparkSession().sparkContext());
        return sc.broadcast(vocabulary.tokens());
    }

    /** An iterator's values mapped one by one, as they are asked for. */
    private record MappedIterator<A, B>(java.util.Iterator<A> from, java.util.function.Function<A, B> map)
            implements java.util.Iterator<B> {
        @Override
        public boolean hasNext() {
            return from.hasNext();
        }

        @Override
        public B next() {
            return map.apply(from.next());
        }
    }
}
