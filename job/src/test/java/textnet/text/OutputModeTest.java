package textnet.text;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.config.OutputMode;
import textnet.config.VectorizerConfig;
import textnet.data.Corpus;
import textnet.data.CorpusReaders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vectorizer.output-mode} on tiny corpora whose vectors are worked out by hand here: multi-hot,
 * count and tf-idf ({@code idf = log(1 + N / (1 + df))} as float, N the fitting documents, df those
 * with the token), from {@link TextVectorizer#fit} and from {@link VectorizedCorpus#of}; with bigrams;
 * and a held-out validation split that counts neither in N nor in df.
 */
class OutputModeTest {

    /**
     * Counts: good 4, bad 4, plot 4, film 2, aa 1, fun 1; vocabulary-size 4 keeps bad, good, plot
     * (ties in token order), film. Documents with each: bad 2, good 3, plot 2, film 2, of N = 5.
     */
    private static final String[] TRAIN = {
            "pos", "good good film",
            "neg", "bad film plot",
            "pos", "Good plot plot plot",
            "neg", "bad bad bad aa",
            "pos", "good fun"};
    private static final List<String> VOCABULARY = List.of("bad", "good", "plot", "film");
    private static final float IDF_DF2 = (float) Math.log(1 + 5.0 / (1 + 2));
    private static final float IDF_DF3 = (float) Math.log(1 + 5.0 / (1 + 3));
    /** bad, good, plot, film. */
    private static final float[] IDF = {IDF_DF2, IDF_DF3, IDF_DF2, IDF_DF2};

    /** TRAIN's rows, in order: label, columns and counts. */
    private static final int[] LABELS = {1, 0, 1, 0, 1};
    private static final int[][] COLUMNS = {{1, 3}, {0, 2, 3}, {1, 2}, {0}, {1}};
    private static final int[][] COUNTS = {{2, 1}, {1, 1, 1}, {1, 3}, {3}, {1}};

    @TempDir
    Path dir;

    private static VectorizerConfig vectorizer(int size, int ngrams, OutputMode mode) {
        return new VectorizerConfig(size, true, Tokenizer.DEFAULT_PATTERN, ngrams, mode.key());
    }

    /** The values of row {@code r} of TRAIN in {@code mode}, by hand: null (multi-hot), counts, counts x idf. */
    private static float[] expectedValues(OutputMode mode, int r) {
        if (mode == OutputMode.MULTI_HOT) {
            return null;
        }
        float[] values = new float[COUNTS[r].length];
        for (int k = 0; k < values.length; k++) {
            values[k] = mode == OutputMode.COUNT ? COUNTS[r][k] : COUNTS[r][k] * IDF[COLUMNS[r][k]];
        }
        return values;
    }

    @Test
    void idfIsKerasFormulaAsFloat() {
        assertArrayEquals(new float[]{(float) Math.log(1 + 10.0), (float) Math.log(1 + 10.0 / 2), (float) Math.log(2.0),
                (float) Math.log(1 + 10.0 / 11)}, ColumnValues.idfOf(10, new long[]{0, 1, 9, 10}));
        assertEquals(0.6931472f, ColumnValues.idfOf(3, new long[]{2})[0], "log 2: a token in 2 of 3 documents");
        ColumnValues tfIdf = ColumnValues.tfIdf(new float[]{0.5f, 2f});
        assertEquals(1.5f, tfIdf.of(0, 3));
        assertEquals(2f, tfIdf.of(1, 1));
        assertEquals(3f, ColumnValues.counts().of(1, 3));
        assertEquals(1f, ColumnValues.multiHot().of(1, 3));
        assertNull(ColumnValues.counts().idf());
        assertTrue(ColumnValues.multiHot().ones() && !ColumnValues.counts().ones() && !tfIdf.ones());
    }

    /** TextVectorizer.fit (the plain Spark reference): vocabulary, idf and each row's values in each mode. */
    @Test
    void fitGivesCountsAndTfIdfComputedByHand() {
        Dataset<Row> train = TextVectorizerTest.docs(TRAIN);
        for (OutputMode mode : OutputMode.values()) {
            TextVectorizer v = TextVectorizer.fit(train, vectorizer(4, 1, mode));
            assertEquals(VOCABULARY, v.vocabulary().tokens());
            assertEquals(mode, v.values().mode());
            if (mode == OutputMode.TF_IDF) {
                assertArrayEquals(IDF, v.values().idf());
            } else {
                assertNull(v.values().idf());
            }
            List<MultiHotRow> rows = v.transform(train, "train").sortByKey().values().collect();
            assertEquals(5, rows.size());
            for (int r = 0; r < rows.size(); r++) {
                assertEquals(LABELS[r], rows.get(r).label());
                assertArrayEquals(COLUMNS[r], rows.get(r).indices(), mode + " row " + r);
                assertArrayEquals(expectedValues(mode, r), rows.get(r).values(), mode + " row " + r);
            }
            // unknown words dropped, counts within the document, case folded
            DocVector doc = v.vectorOf("PLOT, good? plot unknown Plot film good");
            assertArrayEquals(new int[]{1, 2, 3}, doc.indices());
            float[] want = switch (mode) {
                case MULTI_HOT -> null;
                case COUNT -> new float[]{2, 3, 1};
                case TF_IDF -> new float[]{2 * IDF_DF3, 3 * IDF_DF2, IDF_DF2};
            };
            assertArrayEquals(want, doc.values(), mode.key());
            assertArrayEquals(new int[0], v.vectorOf("nothing known").indices());
        }
    }

    /** The one-pass path: the same idf, and blocks whose rows hold the hand-computed values. */
    @Test
    void vectorizedCorpusGivesCountsAndTfIdfComputedByHand() throws Exception {
        for (OutputMode mode : OutputMode.values()) {
            JobConfig config = config(mode, 4, 1, 0);
            VectorizedCorpus v = VectorizedCorpus.of(CorpusReaders.read(SparkTestSupport.spark().sparkContext(), config.data()), config);
            assertEquals(VOCABULARY, v.vectorizer().vocabulary().tokens());
            assertEquals(mode, v.vectorizer().values().mode());
            assertArrayEquals(mode == OutputMode.TF_IDF ? IDF : null, v.vectorizer().values().idf(), mode.key());
            List<String> expected = new ArrayList<>();
            for (int r = 0; r < LABELS.length; r++) {
                expected.add(row(LABELS[r], COLUMNS[r], expectedValues(mode, r)));
            }
            assertEquals(sorted(expected), rows(v.train()), mode.key());
            // test rows: the training split's idf, never the test split's own
            float[] good = mode == OutputMode.MULTI_HOT ? null : new float[]{mode == OutputMode.COUNT ? 2 : 2 * IDF_DF3};
            float[] plotFilm = mode == OutputMode.MULTI_HOT ? null : mode == OutputMode.COUNT ? new float[]{1, 2}
                    : new float[]{IDF_DF2, 2 * IDF_DF2};
            assertEquals(sorted(List.of(row(1, new int[]{1}, good), row(0, new int[]{2, 3}, plotFilm))), rows(v.test()));
        }
    }

    /**
     * Bigrams and tf-idf, both paths. Tokens and bigrams: good 4, not 3, "not good" 3, bad 2, film 2,
     * then four of 1; vocabulary-size 5 keeps good, not, "not good", bad, film. Documents with each
     * of N = 4: good 3, not 2, "not good" 2, bad 1, film 2.
     */
    @Test
    void bigramsWithTfIdf() throws Exception {
        String[] train = {"pos", "not good not good", "neg", "good film", "pos", "not good", "neg", "bad film bad"};
        List<String> vocabulary = List.of("good", "not", "not good", "bad", "film");
        float[] idf = {(float) Math.log(1 + 4.0 / 4), (float) Math.log(1 + 4.0 / 3), (float) Math.log(1 + 4.0 / 3),
                (float) Math.log(1 + 4.0 / 2), (float) Math.log(1 + 4.0 / 3)};
        // per document: columns and counts ("good not", "good film", "bad film", "film bad" are not kept)
        int[][] columns = {{0, 1, 2}, {0, 4}, {0, 1, 2}, {3, 4}};
        int[][] counts = {{2, 2, 2}, {1, 1}, {1, 1, 1}, {2, 1}};
        int[] labels = {1, 0, 1, 0};
        List<String> expected = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            float[] values = new float[counts[r].length];
            for (int k = 0; k < values.length; k++) {
                values[k] = counts[r][k] * idf[columns[r][k]];
            }
            expected.add(row(labels[r], columns[r], values));
        }

        TextVectorizer fitted = TextVectorizer.fit(TextVectorizerTest.docs(train), vectorizer(5, 2, OutputMode.TF_IDF));
        assertEquals(vocabulary, fitted.vocabulary().tokens());
        assertArrayEquals(idf, fitted.values().idf());
        List<String> transformed = new ArrayList<>();
        for (MultiHotRow r : fitted.transform(TextVectorizerTest.docs(train), "train").values().collect()) {
            transformed.add(row(r.label(), r.indices(), r.values()));
        }
        assertEquals(sorted(expected), sorted(transformed));
        DocVector doc = fitted.vectorOf("not good not good film");
        assertArrayEquals(new int[]{0, 1, 2, 4}, doc.indices());
        assertArrayEquals(new float[]{2 * idf[0], 2 * idf[1], 2 * idf[2], idf[4]}, doc.values());

        Files.write(dir.resolve("train.tsv"), tsv(train));
        Files.write(dir.resolve("test.tsv"), tsv(new String[]{"pos", "good"}));
        JobConfig config = ConfigLoader.load(null, List.of("data.format=tsv", "data.train=" + dir.resolve("train.tsv"),
                "data.test=" + dir.resolve("test.tsv"), "vectorizer.vocabulary-size=5", "vectorizer.ngrams=2",
                "vectorizer.output-mode=tf-idf", "train.partitions=2"));
        VectorizedCorpus v = VectorizedCorpus.of(CorpusReaders.read(SparkTestSupport.spark().sparkContext(), config.data()), config);
        assertEquals(vocabulary, v.vectorizer().vocabulary().tokens());
        assertArrayEquals(idf, v.vectorizer().values().idf());
        assertEquals(sorted(expected), rows(v.train()));
    }

    /**
     * data.validation 2 of TRAIN's 5 documents: N is the 3 fitting documents and df counts only them
     * (the held-out ones are chosen by Spark SQL's xxhash64 of the id, as VectorizedCorpusTest
     * defines it; df counted here by splitting the fitting texts).
     */
    @Test
    void heldOutValidationCountsNeitherInNNorInDf() throws Exception {
        JobConfig config = config(OutputMode.TF_IDF, 4, 1, 2);
        Corpus corpus = CorpusReaders.read(SparkTestSupport.spark().sparkContext(), config.data());
        VectorizedCorpus v = VectorizedCorpus.of(corpus, config);
        assertEquals(3, v.trainRows());
        assertEquals(2, v.validationRows());

        Dataset<Row> hashed = corpus.train().withColumn("_h", functions.xxhash64(functions.lit(config.train().seed()),
                functions.col("id")));
        long threshold = hashed.orderBy("_h", "id").select("_h").offset(1).first().getLong(0);
        List<String> fitting = hashed.filter(functions.col("_h").gt(threshold)).select("text").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(3, fitting.size(), "N: the fitting documents");

        List<String> tokens = v.vectorizer().vocabulary().tokens();
        float[] expected = new float[tokens.size()];
        float[] withValidation = new float[tokens.size()];
        for (int c = 0; c < tokens.size(); c++) {
            int df = documentsWith(tokens.get(c), fitting);
            int dfAll = documentsWith(tokens.get(c), everyOther(TRAIN, 1));
            assertTrue(df >= 1, tokens.get(c) + " is in a fitting document");
            expected[c] = (float) Math.log(1 + 3.0 / (1 + df));
            withValidation[c] = (float) Math.log(1 + 5.0 / (1 + dfAll));
        }
        assertArrayEquals(expected, v.vectorizer().values().idf());
        assertFalse(Arrays.equals(withValidation, v.vectorizer().values().idf()), "the held-out rows are not counted");
        Dataset<Row> fitOn = hashed.filter(functions.col("_h").gt(threshold)).drop("_h");
        TextVectorizer reference = TextVectorizer.fit(fitOn, config.vectorizer());
        assertEquals(reference.vocabulary(), v.vectorizer().vocabulary());
        assertArrayEquals(reference.values().idf(), v.vectorizer().values().idf());
    }

    private JobConfig config(OutputMode mode, int size, int ngrams, int validation) throws Exception {
        Files.write(dir.resolve("train.tsv"), tsv(TRAIN));
        // test: "good good" (class pos) and "plot film unknown film" (class neg)
        Files.write(dir.resolve("test.tsv"), tsv(new String[]{"pos", "good good", "neg", "plot film unknown film"}));
        return ConfigLoader.load(null, List.of("data.format=tsv", "data.train=" + dir.resolve("train.tsv"),
                "data.test=" + dir.resolve("test.tsv"), "data.validation=" + validation,
                "vectorizer.vocabulary-size=" + size, "vectorizer.ngrams=" + ngrams,
                "vectorizer.output-mode=" + mode.key(), "train.partitions=2", "train.seed=5"));
    }

    private static List<String> tsv(String[] labelAndText) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < labelAndText.length; i += 2) {
            lines.add(labelAndText[i] + "\t" + labelAndText[i + 1]);
        }
        return lines;
    }

    private static List<String> everyOther(String[] labelAndText, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < labelAndText.length; i += 2) {
            out.add(labelAndText[i]);
        }
        return out;
    }

    private static int documentsWith(String token, List<String> texts) {
        int n = 0;
        for (String text : texts) {
            n += Arrays.asList(text.toLowerCase(Locale.ROOT).split(" ")).contains(token) ? 1 : 0;
        }
        return n;
    }

    private static String row(int label, int[] columns, float[] values) {
        return label + " " + Arrays.toString(columns) + " " + Arrays.toString(values);
    }

    private static List<String> sorted(List<String> rows) {
        List<String> out = new ArrayList<>(rows);
        out.sort(null);
        return out;
    }

    /** Every row of the blocks, as label, columns and values (null: the block carries none), sorted. */
    private static List<String> rows(org.apache.spark.api.java.JavaRDD<MultiHotBlock> blocks) {
        List<String> out = new ArrayList<>();
        for (MultiHotBlock block : blocks.collect()) {
            for (int r = 0; r < block.size(); r++) {
                MultiHotBatch one = block.batch(r, r + 1);
                out.add(row(block.label(r), one.indices(), one.values()));
            }
        }
        return sorted(out);
    }
}
