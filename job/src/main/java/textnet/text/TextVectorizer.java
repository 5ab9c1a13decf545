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
 * Text to rows: {@link Tokenizer} tokens looked up in a {@link Vocabulary} fitted on the training
 * split only, valued as {@code vectorizer.output-mode} says ({@link ColumnValues}: tf-idf's inverse
 * document frequencies fitted with the vocabulary), and class names looked up in the
 * {@link LabelIndex}. Fitted once per run and saved with the model, so {@code predict} turns text
 * into exactly the rows training saw.
 */
public final class TextVectorizer implements Serializable {

    private final VectorizerConfig config;
    private final Vocabulary vocabulary;
    private final ColumnValues values;
    private final LabelIndex labels;

    public TextVectorizer(VectorizerConfig config, Vocabulary vocabulary, ColumnValues values, LabelIndex labels) {
        if (values.mode() != config.mode()) {
            throw new IllegalArgumentException(values.mode() + " values for vectorizer.output-mode " + config.outputMode());
        }
        this.config = config;
        this.vocabulary = vocabulary;
        this.values = values;
        this.labels = labels;
    }

    /**
     * Fits vocabulary, values and labels on {@code train} (columns id, text, label): the plain
     * Spark way, one job each, that {@link VectorizedCorpus} does in its one pass over the text.
     */
    public static TextVectorizer fit(Dataset<Row> train, VectorizerConfig config) {
        JavaRDD<String> texts = train.select("text").javaRDD().map(r -> r.getString(0));
        TokenCounts counts = texts.mapPartitions(it -> {
            TokenCounter counter = new TokenCounter(config);
            it.forEachRemaining(counter::add);
            return List.of(counter.counts()).iterator();
        }).treeReduce(TokenCounts::plus);
        Vocabulary vocabulary = new Vocabulary(counts.mostFrequent(config.vocabularySize()));
        ColumnValues values = ColumnValues.of(config.mode(), texts.count(),
                config.mode() == textnet.config.OutputMode.TF_IDF ? counts.documentsWith(vocabulary.tokens()) : null);
        List<String> labels = train.select("label").javaRDD().map(r -> r.getString(0))
                .distinct().collect().stream().sorted().toList();
        return new TextVectorizer(config, vocabulary, values, new LabelIndex(labels));
    }

    /** A multi-hot or count vectorizer: its values need nothing fitted. */
    public TextVectorizer(VectorizerConfig config, Vocabulary vocabulary, LabelIndex labels) {
        this(config, vocabulary, ColumnValues.of(config.mode()), labels);
    }

    public VectorizerConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** What a row holds at each column. */
    public ColumnValues values() {
        return values;
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
        ColumnValues vs = values;
        return docs.select("id", "label", "text").javaRDD().mapPartitionsToPair(rows -> {
            ColumnLookup lookup = new ColumnLookup(vc, tokens.value(), vs);
            return new MappedIterator<>(rows, r -> new scala.Tuple2<>(r.getString(0), new MultiHotRow(
                    sets != null ? sets.numberOf(r.getString(1)) : labelIndex.indexOf(r.getString(1), split),
                    lookup.vectorOf(r.getString(2)))));
        });
    }

    /** The label sets of multi-label documents (column label), numbered; a class unknown to the model is refused. */
    public LabelSets labelSetsOf(Dataset<Row> docs, String split) {
        List<String> found = docs.select("label").distinct().javaRDD().map(r -> r.getString(0)).collect()
                .stream().sorted().toList();
        return new LabelSets(found, labels, split);
    }

    /** (id, vector) of unlabelled documents (columns id, text), for prediction. */
    public JavaRDD<scala.Tuple2<String, DocVector>> transformUnlabelled(Dataset<Row> docs) {
        Broadcast<List<String>> tokens = tokens(docs);
        VectorizerConfig vc = config;
        ColumnValues vs = values;
        return docs.select("id", "text").javaRDD().mapPartitions(rows -> {
            ColumnLookup lookup = new ColumnLookup(vc, tokens.value(), vs);
            return new MappedIterator<>(rows, r -> new scala.Tuple2<>(r.getString(0), lookup.vectorOf(r.getString(1))));
        });
    }

    /** The vector of one text. */
    public DocVector vectorOf(String text) {
        return new ColumnLookup(config, vocabulary.tokens(), values).vectorOf(text);
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
