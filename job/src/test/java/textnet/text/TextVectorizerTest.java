package textnet.text;

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

        List<MultiHotRow> rows = v.transform(docs("pos", "Plot, GOOD good; unknown words", "neg", "nothing known"), "test")
                .sortByKey().values().collect();
        assertEquals(1, rows.get(0).label());
        assertArrayEquals(new int[]{0, 3}, rows.get(0).indices(), "sorted, distinct, unknown tokens dropped");
        assertArrayEquals(new int[0], rows.get(1).indices());
        assertArrayEquals(new int[]{0, 3}, v.vectorOf("plot good").indices());
    }

    @Test
    void unseenTestLabelIsAClearError() {
        TextVectorizer v = TextVectorizer.fit(docs("pos", "good", "neg", "bad"), KERAS);
        var rows = v.transform(docs("maybe", "good"), "test");
        Exception e = assertThrows(Exception.class, rows::collect);
        JobException job = JobException.find(e);
        assertTrue(job != null && job.getMessage().contains("label 'maybe'") && job.getMessage().contains("test"),
                String.valueOf(job));
    }

    @Test
    void blocksDealRowsByIdWhateverTheInputOrder() {
        List<scala.Tuple2<String, MultiHotRow>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(new scala.Tuple2<>("doc-" + i, new MultiHotRow(i % 2, new int[]{i, i + 1})));
        }
        var sc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(SparkTestSupport.spark().sparkContext());
        List<MultiHotBlock> blocks = MultiHotBlocks.deal(sc.parallelizePairs(rows, 1), 3, Integer.MAX_VALUE, "t").collect();
        List<scala.Tuple2<String, MultiHotRow>> reversed = new ArrayList<>(rows);
        java.util.Collections.reverse(reversed);
        List<MultiHotBlock> again = MultiHotBlocks.deal(sc.parallelizePairs(reversed, 4), 3, Integer.MAX_VALUE, "t").collect();
        assertEquals(3, blocks.size());
        assertEquals(300, blocks.stream().mapToInt(MultiHotBlock::size).sum());
        for (int p = 0; p < 3; p++) {
            assertTrue(blocks.get(p).size() > 70, "roughly balanced: " + blocks.get(p).size());
            MultiHotBatch a = blocks.get(p).batch(0, blocks.get(p).size());
            MultiHotBatch b = again.get(p).batch(0, again.get(p).size());
            assertArrayEquals(a.indices(), b.indices(), "same rows in the same order");
            assertArrayEquals(a.labels(), b.labels());
        }
        MultiHotBatch two = blocks.get(0).batch(new int[]{1, 0}, 0, 2);
        MultiHotBatch first = blocks.get(0).batch(0, 2);
        assertArrayEquals(new int[]{0, 2, 4}, first.rowOffsets());
        assertArrayEquals(new int[]{first.indices()[2], first.indices()[3], first.indices()[0], first.indices()[1]}, two.indices());
    }
}
