package textnet.data;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import textnet.SparkTestSupport;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real corpora from ../shared/data (skipped when absent, except on CI). */
class RealCorporaTest {

    @Test
    void imdbArchiveHas12500ReviewsPerLabelAndSplit() {
        var spark = SparkTestSupport.spark();
        var archive = SparkTestSupport.corpus("aclImdb-labeled.tar.gz");
        long start = System.nanoTime();
        Corpus corpus = CorpusReaders.read(spark, Configs.path("aclimdb", archive));
        long read = System.nanoTime();
        Map<String, Long> train = labelCounts(corpus.train());
        Map<String, Long> test = labelCounts(corpus.test());
        System.err.printf("aclImdb-labeled.tar.gz: CorpusReaders.read %.2f s, then label counts of both splits %.2f s%n",
                (read - start) / 1e9, (System.nanoTime() - read) / 1e9);

        assertEquals(Map.of("neg", 12_500L, "pos", 12_500L), train);
        assertEquals(Map.of("neg", 12_500L, "pos", 12_500L), test);
        assertEquals(List.of(), corpus.countedAndChecked());
        Row first = corpus.train().first();
        assertTrue(first.getString(0).startsWith("train/neg/"), first.getString(0));
    }

    @Test
    void reutersR52Has52ClassesIn6532TrainAnd2568TestDocuments() {
        Corpus corpus = CorpusReaders.read(SparkTestSupport.spark(),
                Configs.reuters(SparkTestSupport.corpus("reuters21578.tar.gz"), "r52"));
        assertEquals(6_532, corpus.train().count());
        assertEquals(2_568, corpus.test().count());
        assertEquals(52, labelCounts(corpus.train()).size());
        assertEquals(52, labelCounts(corpus.test()).size());
        assertEquals(List.of(), corpus.countedAndChecked());
        // R52 has rare topics (one has a single training document): the table check for a column
        // of mostly unique values must not take them for one
        LabelChecks.requireRepeatedLabels(DocCounts.of(corpus.documents()), "R52 topics");
    }

    @Test
    void reutersR8Has8ClassesIn5485TrainAnd2189TestDocuments() {
        Corpus corpus = CorpusReaders.read(SparkTestSupport.spark(),
                Configs.reuters(SparkTestSupport.corpus("reuters21578.tar.gz"), "r8"));
        assertEquals(5_485, corpus.train().count());
        assertEquals(2_189, corpus.test().count());
        assertEquals(List.of("acq", "crude", "earn", "grain", "interest", "money-fx", "ship", "trade"),
                List.copyOf(labelCounts(corpus.train()).keySet()));
    }

    static Map<String, Long> labelCounts(Dataset<Row> rows) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : rows.groupBy("label").count().collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }
}
