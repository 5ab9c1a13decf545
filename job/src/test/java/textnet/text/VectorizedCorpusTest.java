package textnet.text;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;
import textnet.SparkTestSupport;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.data.Corpus;
import textnet.data.CorpusReaders;
import textnet.data.IdPartitioner;
import textnet.data.LabelledDoc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Vectorizing tokenizes each partition once and builds its blocks in place; these tests hold it to
 * the plain definition: the vocabulary fitted on the training texts (less validation), rows
 * vectorized one by one, dealt by id, validation rows chosen by Spark SQL's xxhash64 of the id.
 */
class VectorizedCorpusTest {

    private static final String[] WORDS = {"good", "bad", "great", "awful", "plot", "actor", "film", "boring",
            "fun", "it's", "don't", "10", "Ünï", "café", "the", "a", "and", "of"};

    @TempDir
    Path dir;

    private JobConfig config(int partitions, int validation) throws Exception {
        return config(partitions, validation, "multi-hot", 1);
    }

    private JobConfig config(int partitions, int validation, String outputMode, int ngrams) throws Exception {
        return config(partitions, validation, outputMode, ngrams, 12);
    }

    /**
     * @param vocabulary above 12: documents of up to 60 words drawn from 1,500 more, so that a row has
     *                   from none to dozens of columns (a row's columns are sorted when it has a few,
     *                   read from a bitset when it has more: both ways are compared)
     */
    private JobConfig config(int partitions, int validation, String outputMode, int ngrams, int vocabulary)
            throws Exception {
        Random random = new Random(7);
        boolean wide = vocabulary > 12;
        Files.write(dir.resolve("train.tsv"), lines(random, 300, wide));
        Files.write(dir.resolve("test.tsv"), lines(random, 120, wide));
        Path yaml = dir.resolve("c.yaml");
        Files.writeString(yaml, "name: v\ndata: {format: tsv, train: '" + dir.resolve("train.tsv") + "', test: '"
                + dir.resolve("test.tsv") + "', validation: " + validation + "}\n"
                + "vectorizer: {vocabulary-size: " + vocabulary + ", output-mode: " + outputMode + ", ngrams: " + ngrams + "}\n"
                + "train: {partitions: " + partitions + ", seed: 5}\n");
        return ConfigLoader.load(yaml, List.of());
    }

    private static List<String> lines(Random random, int n) {
        return lines(random, n, false);
    }

    private static List<String> lines(Random random, int n, boolean wide) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(wide ? 60 : 12); w >= 0; w--) {
                text.append(wide && random.nextBoolean() ? "w" + random.nextInt(1500) : WORDS[random.nextInt(WORDS.length)])
                        .append(random.nextBoolean() ? " " : ", ");
            }
            lines.add((random.nextInt(3) == 0 ? "neg" : random.nextBoolean() ? "pos" : "mixed") + "\t" + text);
        }
        return lines;
    }

    /**
     * In every output mode (and tf-idf over bigrams): the same vocabulary, the same idf (fitted on the
     * fitting rows only: with validation, N and df leave the held-out rows out) and rows with the
     * same columns and values.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}, ngrams {1}, vocabulary {2}")
    @org.junit.jupiter.params.provider.CsvSource({"multi-hot, 1, 12", "count, 1, 12", "tf-idf, 1, 12", "tf-idf, 2, 12",
            "multi-hot, 1, 1000", "tf-idf, 1, 1000"})
    void sameRowsAsVectorizingEachSplitOnItsOwn(String outputMode, int ngrams, int vocabulary) throws Exception {
        for (int validation : new int[] {0, 40}) {
            JobConfig config = config(3, validation, outputMode, ngrams, vocabulary);
            Corpus corpus = CorpusReaders.read(SparkTestSupport.spark().sparkContext(), config.data());
            VectorizedCorpus v = VectorizedCorpus.of(corpus, config);

            Dataset<Row> train = corpus.train();
            Dataset<Row> fitOn = train;
            Dataset<Row> heldOut = null;
            if (validation > 0) { // the definition, in Spark SQL
                Dataset<Row> hashed = train.withColumn("_h", functions.xxhash64(functions.lit(5L), functions.col("id")));
                long threshold = hashed.orderBy("_h", "id").select("_h").offset(validation - 1).first().getLong(0);
                heldOut = hashed.filter(functions.col("_h").leq(threshold)).drop("_h");
                fitOn = hashed.filter(functions.col("_h").gt(threshold)).drop("_h");
            }
            TextVectorizer expected = TextVectorizer.fit(fitOn, config.vectorizer());
            assertEquals(expected.vocabulary(), v.vectorizer().vocabulary());
            assertEquals(expected.labels().labels(), v.vectorizer().labels().labels());
            assertEquals(config.vectorizer().mode(), v.vectorizer().values().mode());
            assertArrayEquals(expected.values().idf(), v.vectorizer().values().idf());
            assertEquals(outputMode.equals("tf-idf"), v.vectorizer().values().idf() != null);
            assertSameBlocks(expected, fitOn, v.train(), "train");
            assertSameBlocks(expected, corpus.test(), v.test(), "test");
            assertEquals(fitOn.count(), v.trainRows());
            assertEquals(120, v.testRows());
            if (validation > 0) {
                assertSameBlocks(expected, heldOut, v.validation(), "validation");
                assertEquals(validation, v.validationRows());
            }
            assertEquals(v.train().map(MultiHotBlock::bytes).reduce(Long::sum), v.trainBytes());
            if (vocabulary > 12) { // 1,000 columns are 16 words of bits: rows of up to 4 columns are sorted, longer ones read from bits
                List<Integer> widths = v.train().flatMap(b -> {
                    List<Integer> w = new ArrayList<>();
                    for (int r = 0; r < b.size(); r++) {
                        w.add(b.batch(r, r + 1).indices().length);
                    }
                    return w.iterator();
                }).collect();
                assertTrue(widths.stream().anyMatch(w -> w <= 4) && widths.stream().anyMatch(w -> w > 4), "both ways: " + widths);
            }
        }
    }

    private static void assertSameBlocks(TextVectorizer expected, Dataset<Row> docs,
                                         org.apache.spark.api.java.JavaRDD<MultiHotBlock> actual, String split) {
        List<MultiHotBlock> want = MultiHotBlocks.deal(expected.transform(docs, split), 3, Integer.MAX_VALUE, split).collect();
        List<MultiHotBlock> got = actual.collect();
        assertEquals(want.size(), got.size());
        for (int p = 0; p < want.size(); p++) {
            assertEquals(want.get(p).size(), got.get(p).size(), split + " partition " + p);
            for (int r = 0; r < want.get(p).size(); r++) {
                assertEquals(want.get(p).label(r), got.get(p).label(r));
                assertArrayEquals(want.get(p).batch(r, r + 1).indices(), got.get(p).batch(r, r + 1).indices());
                float[] values = got.get(p).batch(r, r + 1).values();
                assertArrayEquals(want.get(p).batch(r, r + 1).values(), values, split + " partition " + p + " row " + r);
                assertEquals(expected.values().ones(), values == null, "values exactly when the mode has them");
            }
        }
    }

    /** The source's own partitioning (here: how many tasks read the archive) does not reach the rows. */
    @Test
    void blocksDoNotDependOnHowTheSourceIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.util.Map<String, byte[]> reviews = new java.util.LinkedHashMap<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 300; i++) {
            String split = i % 4 == 0 ? "test" : "train";
            String label = random.nextBoolean() ? "pos" : "neg";
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(2, 12); w >= 0; w--) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            reviews.put("aclImdb/" + split + "/" + label + "/" + i + "_5.txt", text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        java.nio.file.Path archive = textnet.data.Fixtures.tarGz(tmp.resolve("imdb.tar.gz"), reviews);
        JobConfig config = textnet.config.ConfigLoader.load(null, List.of("data.format=aclimdb", "data.path=" + archive,
                "train.partitions=3", "data.validation=20"));
        List<List<MultiHotBlock>> seen = new java.util.ArrayList<>();
        for (int readers : new int[] {1, 2, 5}) {
            Corpus corpus = CorpusReaders.read(SparkTestSupport.spark().sparkContext(), config.data(), readers);
            assertEquals(readers, corpus.documents().getNumPartitions());
            VectorizedCorpus v = VectorizedCorpus.of(corpus, config);
            List<MultiHotBlock> blocks = new java.util.ArrayList<>(v.train().collect());
            blocks.addAll(v.validation().collect());
            blocks.addAll(v.test().collect());
            seen.add(blocks);
        }
        for (List<MultiHotBlock> other : seen.subList(1, seen.size())) {
            assertEquals(seen.get(0).size(), other.size());
            for (int b = 0; b < other.size(); b++) {
                MultiHotBlock x = seen.get(0).get(b);
                MultiHotBlock y = other.get(b);
                assertEquals(x.size(), y.size());
                for (int r = 0; r < x.size(); r++) {
                    assertEquals(x.label(r), y.label(r));
                    assertArrayEquals(x.batch(r, r + 1).indices(), y.batch(r, r + 1).indices());
                }
            }
        }
    }

    @Test
    void heldOutHashIsSparkSqlXxhash64() {
        List<String> ids = List.of("0", "17", "train/pos/0_9.txt", "Ünïcödé", "");
        Dataset<Row> d = SparkTestSupport.spark().createDataset(ids, org.apache.spark.sql.Encoders.STRING()).toDF("id");
        List<Row> hashes = d.select(functions.xxhash64(functions.lit(42L), functions.col("id"))).collectAsList();
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(hashes.get(i).getLong(0), HeldOut.hash(42, ids.get(i)), ids.get(i));
        }
    }

    @Test
    void validationLeavingNothingToTrainOnIsAConfigError() throws Exception {
        JobConfig config = config(2, 300);
        Corpus corpus = CorpusReaders.read(SparkTestSupport.spark().sparkContext(), config.data(), 2);
        JobException e = assertThrows(JobException.class, () -> VectorizedCorpus.of(corpus, config));
        assertTrue(e.getMessage().contains("data.validation") && e.getMessage().contains("none of the 300 training rows"),
                e.getMessage());
    }

    /**
     * The reading progress's total is the bytes the vectorizer really streams: the corpus is read once
     * (twice with a validation split), for TSV and an aclImdb archive. It assumed one pass more and
     * stopped at 50%. The vectorizer's later steps are told after all of it.
     */
    @Test
    void readingProgressTotalIsWhatTheVectorizerStreams(@TempDir Path tmp) throws Exception {
        java.util.Map<String, byte[]> reviews = new java.util.LinkedHashMap<>();
        Random random = new Random(5);
        List<String> tsv = lines(random, 200);
        for (int i = 0; i < tsv.size(); i++) {
            String[] cells = tsv.get(i).split("\t", 2);
            reviews.put("aclImdb/" + (i % 4 == 0 ? "test" : "train") + "/" + (cells[0].equals("pos") ? "pos" : "neg")
                    + "/" + i + "_5.txt", cells[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path archive = textnet.data.Fixtures.tarGz(tmp.resolve("imdb.tar.gz"), reviews);
        Path train = Files.write(tmp.resolve("train.tsv"), tsv.subList(0, 150));
        Path test = Files.write(tmp.resolve("test.tsv"), tsv.subList(150, 200));
        var sc = SparkTestSupport.spark().sparkContext();
        for (String validation : List.of("0", "20")) {
            for (List<String> data : List.of(List.of("data.format=aclimdb", "data.path=" + archive),
                    List.of("data.format=tsv", "data.train=" + train, "data.test=" + test))) {
                List<String> overrides = new ArrayList<>(data);
                overrides.add("data.validation=" + validation);
                JobConfig config = ConfigLoader.load(null, overrides);
                org.apache.spark.util.LongAccumulator streamed = sc.longAccumulator();
                List<String> steps = new ArrayList<>(); // each step, and what had been streamed when it started
                textnet.data.ReadProgress.countInto(sc, streamed);
                try {
                    VectorizedCorpus.of(CorpusReaders.read(SparkTestSupport.spark().sparkContext(), config.data()), config,
                            step -> steps.add(step + " after " + streamed.value()));
                } finally {
                    textnet.data.ReadProgress.countInto(sc, null);
                }
                long expected = textnet.data.ReadProgress.bytesToStream(sc, config.data(), VectorizedCorpus.passes(config));
                assertTrue(expected > 0, overrides.toString());
                assertEquals(expected, (long) streamed.value(), overrides.toString());
                // the reading is over before the steps after it start (the console stops counting it then)
                assertEquals(List.of("Choosing the vocabulary after " + expected, "Building rows after " + expected), steps,
                        overrides.toString());
            }
        }
    }
}
