package textnet.text;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import textnet.JobException;
import textnet.SparkTestSupport;
import textnet.config.VectorizerConfig;
import textnet.data.Corpus;
import textnet.nn.MultiHotBatch;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextVectorizerTest {

    static final VectorizerConfig KERAS = new VectorizerConfig(5, true, Tokenizer.DEFAULT_PATTERN);

    static Dataset<Row> docs(String... labelAndText) {
        SparkSession spark = SparkTestSupport.spark();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < labelAndText.length; i += 2) {
            rows.add(RowFactory.create("d" + i, labelAndText[i + 1], labelAndText[i]));
        }
        return spark.createDataFrame(rows, Corpus.SCHEMA);
    }

    static List<String> tokens(Tokenizer t, String text) {
        List<String> out = new ArrayList<>();
        t.forEachToken(text, out::add);
        return out;
    }

    @Test
    void tokensMatchSparkRegexTokenizer() {
        String[] texts = {"It's a GREAT film!<br /><br />10/10 -- don't miss", "  ", "Ünïcödé café, KELVIN \u212A and ÉCOLE",
                "tabs\tand\nnewlines", "''' 'quoted' ", "x"};
        Dataset<Row> d = docs("a", texts[0], "a", texts[1], "a", texts[2], "a", texts[3], "a", texts[4], "a", texts[5]);
        List<Row> spark = new RegexTokenizer().setInputCol("text").setOutputCol("tokens")
                .setPattern(Tokenizer.DEFAULT_PATTERN).setGaps(true).setToLowercase(true).setMinTokenLength(1)
                .transform(d).select("tokens").collectAsList();
        Tokenizer fast = new Tokenizer(KERAS);
        Tokenizer regex = new Tokenizer(new VectorizerConfig(5, true, "[^a-z0-9']+|\\s+"));
        for (int i = 0; i < texts.length; i++) {
            assertEquals(spark.get(i).getList(0), tokens(fast, texts[i]), texts[i]);
            assertEquals(spark.get(i).getList(0), tokens(regex, texts[i]), texts[i]);
        }
        assertEquals(List.of("it's", "a", "great", "film", "br", "br", "10", "10", "don't", "miss"), tokens(fast, texts[0]));
    }

    @Test
    void vocabularyByFrequencyThenTokenFittedOnTrainOnly() {
        Dataset<Row> train = docs("pos", "good good good film", "neg", "bad film plot", "pos", "good plot acting zz",
                "neg", "bad aa");
        TextVectorizer v = TextVectorizer.fit(train, KERAS);
        // good 4, bad 2, film 2, plot 2, then ties of 1 in token order: aa, acting, zz
        assertEquals(List.of("good", "bad", "film", "plot", "aa"), v.vocabulary().tokens());
        assertEquals(List.of("neg", "pos"), v.labels().labels());

        List<MultiHotRow> rows = v.transform(docs("pos", "Plot, GOOD good; unknown words", "neg", "nothing known"), "test").collect();
        assertEquals(1, rows.get(0).label());
        assertArrayEquals(new int[]{0, 3}, rows.get(0).indices(), "sorted, distinct, unknown tokens dropped");
        assertArrayEquals(new int[0], rows.get(1).indices());
        assertArrayEquals(new int[]{0, 3}, v.indicesOf("plot good"));
    }

    @Test
    void unseenTestLabelIsAClearError() {
        TextVectorizer v = TextVectorizer.fit(docs("pos", "good", "neg", "bad"), KERAS);
        JavaRDD<MultiHotRow> rows = v.transform(docs("maybe", "good"), "test");
        Exception e = assertThrows(Exception.class, rows::collect);
        JobException job = JobException.find(e);
        assertTrue(job != null && job.getMessage().contains("label 'maybe'") && job.getMessage().contains("test"),
                String.valueOf(job));
    }

    @Test
    void blocksDealRowsRoundRobinDeterministically() {
        List<MultiHotRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new MultiHotRow(i % 2, new int[]{i, i + 1}));
        }
        var sc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(SparkTestSupport.spark().sparkContext());
        List<MultiHotBlock> blocks = MultiHotBlocks.deal(sc.parallelize(rows, 1), 3, "t").collect();
        assertEquals(3, blocks.size());
        assertEquals(List.of(4, 3, 3), blocks.stream().map(MultiHotBlock::size).toList());
        MultiHotBatch first = blocks.get(0).batch(0, 4);
        assertArrayEquals(new int[]{0, 1, 3, 4, 6, 7, 9, 10}, first.indices(), "rows 0, 3, 6, 9 in input order");
        assertArrayEquals(new int[]{0, 2, 4, 6, 8}, first.rowOffsets());
        assertArrayEquals(new int[]{0, 1, 0, 1}, first.labels());
        MultiHotBatch shuffled = blocks.get(1).batch(new int[]{2, 0}, 0, 2);
        assertArrayEquals(new int[]{7, 8, 1, 2}, shuffled.indices());
        assertEquals(blocks.stream().map(MultiHotBlock::size).toList(),
                MultiHotBlocks.deal(sc.parallelize(rows, 1), 3, "t").collect().stream().map(MultiHotBlock::size).toList());
    }
}
