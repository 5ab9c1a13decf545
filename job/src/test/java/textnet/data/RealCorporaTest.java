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
        Corpus corpus = CorpusReaders.read(spark.sparkContext(), Configs.path("aclimdb", archive));
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
        Corpus corpus = CorpusReaders.read(SparkTestSupport.spark().sparkContext(),
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
        Corpus corpus = CorpusReaders.read(SparkTestSupport.spark().sparkContext(),
                Configs.reuters(SparkTestSupport.corpus("reuters21578.tar.gz"), "r8"));
        assertEquals(5_485, corpus.train().count());
        assertEquals(2_189, corpus.test().count());
        assertEquals(List.of("acq", "crude", "earn", "grain", "interest", "money-fx", "ship", "trade"),
                List.copyOf(labelCounts(corpus.train()).keySet()));
    }

    /**
     * ModApte's multi-label benchmark: 90 categories (topics with a training and a test document);
     * 7,770 training documents here where the literature says 7,769 (see docs/DESIGN.md).
     */
    @Test
    void reutersR90Has90CategoriesIn7770TrainAnd3019TestDocuments() {
        Corpus corpus = CorpusReaders.read(SparkTestSupport.spark().sparkContext(),
                Configs.reuters(SparkTestSupport.corpus("reuters21578.tar.gz"), "r90"));
        assertEquals(7_770, corpus.train().count());
        assertEquals(3_019, corpus.test().count());
        assertEquals(90, categories(corpus.train()).size());
        assertEquals(categories(corpus.train()), categories(corpus.test()));
        assertEquals(List.of(), corpus.countedAndChecked());
        Map<String, String> test = new TreeMap<>();
        corpus.test().filter("id in ('14832', '15063', '14913', '16147')").collectAsList()
                .forEach(r -> test.put(r.getString(0), r.getString(2)));
        assertEquals(Map.of("14832", "corn|grain|rice|rubber|sugar|tin|trade", "15063", "acq|crude|earn|pet-chem",
                "14913", "dlr|money-fx|yen",
                "16147", "corn|grain|groundnut|oilseed|rice"), test); // cottonseed has no training document
        // 4808's one topic, inventories, has no test document: it is no category, and 4808 is not kept
        assertEquals(0, corpus.train().filter("id = '4808'").count());
    }

    private static java.util.Set<String> categories(Dataset<Row> rows) {
        java.util.Set<String> classes = new java.util.TreeSet<>();
        rows.collectAsList().forEach(r -> classes.addAll(LabelSet.split(r.getString(2))));
        return classes;
    }

    static Map<String, Long> labelCounts(Dataset<Row> rows) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : rows.groupBy("label").count().collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }
}
