package textnet.text;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import textnet.JobException;
import textnet.config.JobConfig;
import textnet.data.Corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * A corpus turned into cached multi-hot blocks: train (less the validation rows), validation
 * (empty when {@code data.validation} is 0) and test, with the vectorizer fitted on train alone.
 */
public record VectorizedCorpus(
        TextVectorizer vectorizer, JavaRDD<MultiHotBlock> train, JavaRDD<MultiHotBlock> validation,
        JavaRDD<MultiHotBlock> test, long trainRows, long validationRows, long testRows, List<String> notes) {

    public boolean hasValidation() {
        return validationRows > 0;
    }

    public static VectorizedCorpus of(Corpus corpus, JobConfig config) {
        List<String> notes = new ArrayList<>(corpus.notes());
        int partitions = config.train().partitions();
        long seed = config.train().seed();
        int validation = config.data().validation();

        // Validation rows: the ones with the smallest seeded hash of their id, so the choice does
        // not depend on the order or partitioning of the input.
        Dataset<Row> train = corpus.train();
        Dataset<Row> fitOn = train;
        Dataset<Row> heldOut = null;
        if (validation > 0) {
            long total = train.count();
            if (validation >= total) {
                throw JobException.config("config key 'data.validation': " + validation
                        + " rows held out leaves none of the " + total + " training rows to train on");
            }
            Dataset<Row> hashed = train.withColumn("_h", functions.xxhash64(functions.lit(seed), functions.col("id")));
            Row cut = hashed.orderBy("_h", "id").select("_h").offset(validation - 1).first();
            long threshold = cut.getLong(0);
            heldOut = hashed.filter(functions.col("_h").leq(threshold)).drop("_h");
            fitOn = hashed.filter(functions.col("_h").gt(threshold)).drop("_h");
        }

        TextVectorizer vectorizer = TextVectorizer.fit(fitOn, config.vectorizer());
        if (vectorizer.vocabulary().size() < config.vectorizer().vocabularySize()) {
            notes.add("the training split has only " + vectorizer.vocabulary().size()
                    + " distinct tokens; vectorizer.vocabulary-size " + config.vectorizer().vocabularySize()
                    + " is more than it can fill");
        }
        if (vectorizer.labels().size() < 2) {
            throw JobException.input("the training split has only one class ("
                    + String.join(", ", vectorizer.labels().labels()) + "): a classifier needs at least two");
        }
        JavaRDD<MultiHotBlock> trainBlocks = blocks(vectorizer.transform(fitOn, "train"), partitions, "train");
        JavaRDD<MultiHotBlock> valBlocks = heldOut == null ? null
                : blocks(vectorizer.transform(heldOut, "validation"), partitions, "validation");
        JavaRDD<MultiHotBlock> testBlocks = blocks(vectorizer.transform(corpus.test(), "test"), partitions, "test");
        return new VectorizedCorpus(vectorizer, trainBlocks, valBlocks, testBlocks,
                rows(trainBlocks), valBlocks == null ? 0 : rows(valBlocks), rows(testBlocks), notes);
    }

    private static JavaRDD<MultiHotBlock> blocks(org.apache.spark.api.java.JavaPairRDD<String, MultiHotRow> rows, int partitions, String name) {
        return MultiHotBlocks.deal(rows, partitions, name + " rows");
    }

    private static long rows(JavaRDD<MultiHotBlock> blocks) {
        return blocks.map(MultiHotBlock::size).fold(0, Integer::sum);
    }

    /** Heap bytes of the cached training rows. */
    public long trainBytes() {
        return train.map(MultiHotBlock::bytes).fold(0L, Long::sum);
    }
}
