package textnet.text;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import textnet.JobException;
import textnet.config.JobConfig;
import textnet.data.Corpus;
import textnet.data.LabelledDoc;
import textnet.text.TokenizedPartition.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A corpus turned into cached multi-hot blocks: train (less the validation rows), validation
 * (empty when {@code data.validation} is 0) and test, with the vectorizer fitted on train alone.
 *
 * <p>Every partition of documents becomes that partition's blocks where it is: each document is
 * tokenized once, the driver sums the partitions' token counts into the vocabulary, and the blocks
 * are built from the already tokenized documents. Only token counts and labels cross the network.
 */
public record VectorizedCorpus(
        TextVectorizer vectorizer, JavaRDD<MultiHotBlock> train, JavaRDD<MultiHotBlock> validation,
        JavaRDD<MultiHotBlock> test, long trainRows, long validationRows, long testRows, long trainBytes,
        List<String> notes) {

    public boolean hasValidation() {
        return validationRows > 0;
    }

    public static VectorizedCorpus of(Corpus corpus, JobConfig config) {
        return of(corpus, config, null);
    }

    /** @param documentsDone counts the documents tokenized so far, for the console's progress line (null: not counted) */
    public static VectorizedCorpus of(Corpus corpus, JobConfig config, LongAccumulator documentsDone) {
        List<String> notes = new ArrayList<>(corpus.notes());
        JavaRDD<LabelledDoc> docs = corpus.dealtInto(config.train().partitions()).documents();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(docs.context());
        int validation = config.data().validation();
        long seed = config.train().seed();
        long threshold = validation > 0 ? HeldOut.threshold(docs, seed, validation) : Long.MIN_VALUE;
        TokenizedPartition.RoleOf roleOf = d -> !d.isTrain() ? Role.TEST
                : validation > 0 && HeldOut.hash(seed, d.id()) <= threshold ? Role.VALIDATION : Role.FIT;

        Tokenizer tokenizer = new Tokenizer(config.vectorizer());
        JavaRDD<TokenizedPartition> tokenized = docs
                .mapPartitions(it -> List.of(TokenizedPartition.of(Counting.iterator(it, documentsDone), tokenizer, roleOf)).iterator(), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Vocabulary vocabulary = Vocabulary.mostFrequent(tokenized.map(TokenizedPartition::fitCounts),
                    config.vectorizer().vocabularySize());
            Set<String> labels = tokenized.map(TokenizedPartition::fitLabels).fold(new TreeSet<>(), (a, b) -> {
                Set<String> union = new TreeSet<>(a);
                union.addAll(b);
                return union;
            });
            TextVectorizer vectorizer = new TextVectorizer(config.vectorizer(), vocabulary,
                    new LabelIndex(List.copyOf(labels)));
            if (vocabulary.size() < config.vectorizer().vocabularySize()) {
                notes.add("the training split has only " + vocabulary.size()
                        + " distinct tokens; vectorizer.vocabulary-size " + config.vectorizer().vocabularySize()
                        + " is more than it can fill");
            }
            if (labels.size() < 2) {
                throw JobException.input("the training split has only one class (" + String.join(", ", labels)
                        + "): a classifier needs at least two");
            }

            Broadcast<Map<String, Integer>> columns = sc.broadcast(vocabulary.index());
            LabelIndex labelIndex = vectorizer.labels();
            JavaRDD<MultiHotBlock[]> blocks = tokenized.map(t -> t.blocks(columns.value(), labelIndex))
                    .setName("multi-hot rows").persist(StorageLevel.MEMORY_AND_DISK());
            long[] sizes = blocks.map(VectorizedCorpus::sizes).reduce(VectorizedCorpus::add); // computes the cache
            return new VectorizedCorpus(vectorizer, of(blocks, Role.FIT), validation > 0 ? of(blocks, Role.VALIDATION) : null,
                    of(blocks, Role.TEST), sizes[0], sizes[1], sizes[2], sizes[3], notes);
        } finally {
            tokenized.unpersist(false);
        }
    }

    private static JavaRDD<MultiHotBlock> of(JavaRDD<MultiHotBlock[]> blocks, Role role) {
        int i = role.ordinal();
        return blocks.map(b -> b[i]).setName(role.name().toLowerCase(java.util.Locale.ROOT) + " rows");
    }

    /** Rows per role, then the heap bytes of the training rows. */
    private static long[] sizes(MultiHotBlock[] b) {
        return new long[] {b[0].size(), b[1].size(), b[2].size(), b[0].bytes()};
    }

    private static long[] add(long[] a, long[] b) {
        long[] sum = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }
}
