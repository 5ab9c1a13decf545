package textnet.text;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import textnet.SparkTestSupport;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The vocabulary summed by a shuffle ({@link TopTokens}) is the one summing every split's counts in
 * one place gives: the same tokens in the same order (ties in token order), the same document
 * counts, whatever the number of reduce tasks.
 */
class TopTokensTest {

    @Test
    void sameAsSummingEverythingInOnePlace() {
        SplittableRandom random = new SplittableRandom(7);
        List<TokenCounts> splits = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            int size = 50 + random.nextInt(150);
            String[] tokens = new String[size];
            long[] counts = new long[size];
            long[] documents = new long[size];
            for (int i = 0; i < size; i++) {
                tokens[i] = "t" + (i * 7 + s * 13) % 400; // overlapping, distinct within a split
                counts[i] = 1 + random.nextInt(4); // small counts: many ties
                documents[i] = 1 + random.nextInt((int) counts[i]);
            }
            splits.add(new TokenCounts(tokens, counts, documents));
        }
        TokenCounts all = splits.stream().reduce(TokenCounts::plus).orElseThrow();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkTestSupport.spark().sparkContext());
        for (int n : new int[]{1, 25, 100, 10_000}) {
            for (int tasks : new int[]{1, 3}) {
                TopTokens.Top top = TopTokens.of(sc.parallelize(splits, 4), n, tasks);
                List<String> expected = all.mostFrequent(n);
                assertEquals(expected, top.tokens(), "n " + n + ", " + tasks + " tasks");
                assertArrayEquals(all.documentsWith(expected), top.documents());
            }
        }
    }
}
