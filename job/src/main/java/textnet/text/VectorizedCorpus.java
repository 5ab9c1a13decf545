package textnet.text;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import textnet.JobException;
import textnet.config.JobConfig;
import textnet.config.OutputMode;
import textnet.config.VectorizerConfig;
import textnet.data.Corpus;
import textnet.data.DocCounts;
import textnet.data.IdPartitioner;
import textnet.data.LabelledDoc;
import textnet.data.Split;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A corpus turned into cached blocks of rows: train (less the validation rows), validation
 * (empty when {@code data.validation} is 0) and test, with the vectorizer fitted on train alone.
 *
 * <p>The documents are read from the source once (more only to choose the validation rows): each
 * split is tokenized into local token ids ({@link TokenizedSplit}, kept serialized until the rows are
 * built; the text is never kept); first jobs sum the splits' counts (the classes and the format's
 * checks by {@code treeReduce}; the vocabulary by a shuffle, {@link TopTokens}, so that no task holds
 * every distinct token), a second maps each split's ids to columns, and only the compact rows move,
 * dealt into each role's replicas ({@link MultiHotBlocks}).
 *
 * <p>{@code trainRowsPerClass}: the train (fitted) rows of each class index, which {@code balanced}
 * class weights are made from.
 */
public record VectorizedCorpus(
        TextVectorizer vectorizer, JavaRDD<MultiHotBlock> train, JavaRDD<MultiHotBlock> validation,
        JavaRDD<MultiHotBlock> test, long trainRows, long validationRows, long testRows, long trainBytes,
        List<String> notes, long[] trainRowsPerClass) {

    /**
     * How many times {@link #of} reads the corpus: once, tokenized into splits that both of its jobs
     * use (counting, then rows), and once more before that to choose the held-out validation rows.
     * (It said 2 and 3 from before the splits were kept: the reading progress stopped at 50%.)
     */
    public static int passes(JobConfig config) {
        return config.data().validation() > 0 ? 2 : 1;
    }

    public boolean hasValidation() {
        return validationRows > 0;
    }

    public static VectorizedCorpus of(Corpus corpus, JobConfig config) {
        return of(corpus, config, VectorizeSteps.NONE);
    }

    /** ... told to {@code steps} as the jobs after reading start (the vocabulary's, then the rows'). */
    public static VectorizedCorpus of(Corpus corpus, JobConfig config, VectorizeSteps steps) {
        JavaRDD<LabelledDoc> docs = corpus.documents();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(docs.context());
        int validation = config.data().validation();
        long seed = config.train().seed();
        long threshold = validation > 0 ? HeldOut.threshold(docs, seed, validation) : Long.MIN_VALUE;
        Role.Of roleOf = d -> !d.isTrain() ? Role.TEST
                : validation > 0 && HeldOut.hash(seed, d.id()) <= threshold ? Role.VALIDATION : Role.FIT;
        VectorizerConfig vectorizerConfig = config.vectorizer();
        int replicas = config.train().partitions();
        int partitions = Role.values().length * replicas;
        java.util.function.ToIntFunction<LabelledDoc> partitionOf = (java.util.function.ToIntFunction<LabelledDoc> & java.io.Serializable)
                d -> roleOf.of(d).ordinal() * replicas + IdPartitioner.partitionOf(d.id(), replicas);

        // 1. tokenize each split once, and count: tokens of the fitting documents, their labels,
        //    documents per split and label, rows per partition. The tokenized splits wait on disk: the
        //    storage memory Spark would give them is not freed for the tasks' own tables (a split of
        //    bigrams interns millions of distinct tokens), which ran 2.5 million reviews out of memory
        JavaRDD<TokenizedSplit> tokenized = docs.mapPartitions(it -> List.of(TokenizedSplit.of(it, vectorizerConfig,
                roleOf, partitionOf, partitions)).iterator()).persist(StorageLevel.DISK_ONLY());
        try {
            return of(corpus, config, tokenized, sc, steps);
        } finally {
            tokenized.unpersist(false);
        }
    }

    private static VectorizedCorpus of(Corpus corpus, JobConfig config, JavaRDD<TokenizedSplit> tokenized,
                                       JavaSparkContext sc, VectorizeSteps steps) {
        int validation = config.data().validation();
        int replicas = config.train().partitions();
        PartitionCounts counts = tokenized.map(s -> s.counts().withoutTokens()).treeReduce(PartitionCounts::plus);
        List<String> notes = new ArrayList<>(corpus.checked(counts.docs()));
        steps.next("Choosing the vocabulary"); // the corpus has been read: the next jobs read the tokenized splits
        TopTokens.Top top = TopTokens.of(tokenized.map(s -> s.counts().tokens()), config.vectorizer().vocabularySize(),
                tokenized.getNumPartitions());
        Vocabulary vocabulary = new Vocabulary(top.tokens());
        if (vocabulary.size() < config.vectorizer().vocabularySize()) {
            notes.add("the training split has only " + vocabulary.size()
                    + " distinct tokens; vectorizer.vocabulary-size " + config.vectorizer().vocabularySize()
                    + " is more than it can fill");
        }
        boolean multiLabel = config.data().multiLabel();
        List<String> classes = multiLabel ? LabelSets.classesOf(counts.fitLabels()) : List.copyOf(counts.fitLabels());
        if (classes.size() < (multiLabel ? 1 : 2)) {
            throw JobException.input("the training split has " + (classes.isEmpty() ? "no class" : "only one class ("
                    + String.join(", ", classes) + ")") + ": a classifier needs at least " + (multiLabel ? "one" : "two"));
        }
        long fitDocuments = counts.fitLabelCounts().values().stream().mapToLong(Long::longValue).sum();
        ColumnValues values = ColumnValues.of(config.vectorizer().mode(), fitDocuments,
                config.vectorizer().mode() == OutputMode.TF_IDF ? top.documents() : null);
        TextVectorizer vectorizer = new TextVectorizer(config.vectorizer(), vocabulary, values, new LabelIndex(classes));
        LabelIndex labels = vectorizer.labels();
        LabelSets sets = multiLabel ? labelSets(counts.docs(), labels) : null;

        // 2. rows: each document's columns, dealt into its role's replicas (partition role * K + replica),
        //    in blocks of at most train.block-rows rows
        int blockRows = config.train().blockRows();
        BlockKey.Layout layout = BlockKey.Layout.of(counts.rowsPerPartition(), blockRows);
        Broadcast<List<String>> columns = sc.broadcast(vocabulary.tokens());
        JavaPairRDD<BlockKey, RowChunk> rows = tokenized.mapPartitionsToPair(splits -> {
            return new RowChunk.Chunker(new RowChunk.Chunker.Source() {
                private Iterator<TokenizedSplit.Row> current = java.util.Collections.emptyIterator();

                @Override
                public boolean next(RowChunk.Chunker.Sink sink) {
                    while (!current.hasNext()) {
                        if (!splits.hasNext()) {
                            return false;
                        }
                        current = splits.next().rows(columns.value(), values);
                    }
                    TokenizedSplit.Row r = current.next();
                    sink.add(new BlockKey(r.partition(), BlockKey.blockOf(r.id(), layout.blocks(r.partition()))), r.id(),
                            sets != null ? sets.numberOf(r.label()) : labels.indexOf(r.label(), r.role().label()),
                            r.columns(), r.values());
                    return true;
                }
            });
        });
        JavaRDD<MultiHotBlock> blocks = MultiHotBlocks.blocks(rows, layout, blockRows, sets, "multi-hot rows");
        steps.next("Building rows");
        long[] sizes = blocks.mapPartitionsWithIndex((p, it) -> {
            long[] s = new long[Role.values().length + 1];
            while (it.hasNext()) {
                MultiHotBlock b = it.next();
                s[p / replicas] += b.size();
                s[Role.values().length] += p / replicas == Role.FIT.ordinal() ? b.bytes() : 0;
            }
            return List.of(s).iterator();
        }, true).reduce(VectorizedCorpus::add); // computes the cache
        return new VectorizedCorpus(vectorizer, of(blocks, Role.FIT, replicas),
                validation > 0 ? of(blocks, Role.VALIDATION, replicas) : null, of(blocks, Role.TEST, replicas),
                sizes[Role.FIT.ordinal()], sizes[Role.VALIDATION.ordinal()], sizes[Role.TEST.ordinal()],
                sizes[Role.values().length], notes,
                rowsPerClass(counts.fitLabelCounts(), labels, multiLabel));
    }

    /** Every split's label sets, numbered; a class training never saw is refused as the split's error. */
    private static LabelSets labelSets(DocCounts docs, LabelIndex classes) {
        SortedSet<String> all = new TreeSet<>(docs.labels(Split.TRAIN));
        all.addAll(docs.labels(Split.TEST));
        for (String label : docs.labels(Split.TEST)) {
            LabelSets.classesOf(List.of(label)).forEach(c -> classes.indexOf(c, Role.TEST.label()));
        }
        return new LabelSets(List.copyOf(all), classes, Role.FIT.label());
    }

    /** The fitted rows of each class (multi-label: the rows whose set has it). */
    private static long[] rowsPerClass(SortedMap<String, Long> fitLabels, LabelIndex classes,
                                       boolean multiLabel) {
        long[] rows = new long[classes.size()];
        fitLabels.forEach((label, n) -> {
            for (String c : multiLabel ? LabelSets.classesOf(List.of(label)) : List.of(label)) {
                rows[classes.indexOf(c, Role.FIT.label())] += n;
            }
        });
        return rows;
    }

    private static JavaRDD<MultiHotBlock> of(JavaRDD<MultiHotBlock> blocks, Role role, int replicas) {
        return MultiHotBlocks.slice(blocks, role.ordinal() * replicas, replicas, role.label() + " rows");
    }

    private static long[] add(long[] a, long[] b) {
        long[] sum = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }
}
