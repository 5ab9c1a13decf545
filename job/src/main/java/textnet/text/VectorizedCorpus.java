package textnet.text;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import textnet.JobException;
import textnet.config.JobConfig;
import textnet.config.VectorizerConfig;
import textnet.data.Corpus;
import textnet.data.IdPartitioner;
import textnet.data.LabelledDoc;

import java.util.ArrayList;
import java.util.List;

/**
 * A corpus turned into cached multi-hot blocks: train (less the validation rows), validation
 * (empty when {@code data.validation} is 0) and test, with the vectorizer fitted on train alone.
 *
 * <p>Two passes over the documents, each reading them from the source (text is never cached):
 * the first tokenizes and counts (the vocabulary, the classes, the format's checks), the second
 * tokenizes again and looks the tokens up in the vocabulary, and only the compact rows move, dealt
 * into each role's replicas ({@link MultiHotBlocks}).
 */
public record VectorizedCorpus(
        TextVectorizer vectorizer, JavaRDD<MultiHotBlock> train, JavaRDD<MultiHotBlock> validation,
        JavaRDD<MultiHotBlock> test, long trainRows, long validationRows, long testRows, long trainBytes,
        List<String> notes) {

    /** How many times {@link #of} reads the corpus: once to count, once for the rows, once more to hold out validation rows. */
    public static int passes(JobConfig config) {
        return config.data().validation() > 0 ? 3 : 2;
    }

    public boolean hasValidation() {
        return validationRows > 0;
    }

    public static VectorizedCorpus of(Corpus corpus, JobConfig config) {
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

        // 1. count: tokens of the fitting documents, their labels, documents per split and label
        PartitionCounts counts = docs.mapPartitions(it -> List.of(PartitionCounts.of(it, vectorizerConfig, roleOf,
                        partitionOf, partitions)).iterator())
                .treeReduce(PartitionCounts::plus);
        List<String> notes = new ArrayList<>(corpus.checked(counts.docs()));
        Vocabulary vocabulary = new Vocabulary(counts.tokens().mostFrequent(config.vectorizer().vocabularySize()));
        if (vocabulary.size() < config.vectorizer().vocabularySize()) {
            notes.add("the training split has only " + vocabulary.size()
                    + " distinct tokens; vectorizer.vocabulary-size " + config.vectorizer().vocabularySize()
                    + " is more than it can fill");
        }
        if (counts.fitLabels().size() < 2) {
            throw JobException.input("the training split has only one class (" + String.join(", ", counts.fitLabels())
                    + "): a classifier needs at least two");
        }
        TextVectorizer vectorizer = new TextVectorizer(config.vectorizer(), vocabulary,
                new LabelIndex(List.copyOf(counts.fitLabels())));

        // 2. rows: each document's columns, dealt into its role's replicas (partition role * K + replica),
        //    in blocks of at most train.block-rows rows
        int blockRows = config.train().blockRows();
        int[] blocksOf = new int[partitions];
        for (int p = 0; p < partitions; p++) {
            blocksOf[p] = BlockKey.blocksFor(counts.rowsPerPartition()[p], blockRows);
        }
        Broadcast<List<String>> columns = sc.broadcast(vocabulary.tokens());
        LabelIndex labels = vectorizer.labels();
        JavaPairRDD<BlockKey, RowChunk> rows = docs.mapPartitionsToPair(it -> {
            ColumnLookup lookup = new ColumnLookup(vectorizerConfig, columns.value());
            return new RowChunk.Chunker(sink -> {
                if (!it.hasNext()) {
                    return false;
                }
                LabelledDoc d = it.next();
                Role role = roleOf.of(d);
                int partition = partitionOf.applyAsInt(d);
                sink.add(new BlockKey(partition, BlockKey.blockOf(d.id(), blocksOf[partition])), d.id(),
                        labels.indexOf(d.label(), role.label()), lookup.columnsOf(d));
                return true;
            });
        });
        JavaRDD<MultiHotBlock> blocks = MultiHotBlocks.blocks(rows, partitions, blockRows, "multi-hot rows");
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
                sizes[Role.values().length], notes);
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
