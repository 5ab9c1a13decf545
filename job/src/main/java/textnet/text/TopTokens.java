package textnet.text;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The vocabulary from per-split token counts, exactly, without any one task or the driver holding
 * every distinct token of the corpus (bigrams of millions of documents are tens of millions): the
 * splits' counts are summed by a shuffle, each reduce task summing its share of the distinct tokens
 * in Spark's aggregation (which spills to disk when memory is short), then the {@code n} most
 * frequent are taken with one bounded queue per task ({@code takeOrdered}), so the driver receives
 * at most {@code n} tokens from each. Exact, as summing everything on the driver was; the cost is
 * one shuffle of each split's distinct tokens.
 */
final class TopTokens {

    /** Most frequent first; equal counts in token order (the same data gives the same vocabulary). */
    private static final Comparator<Tuple2<String, long[]>> MOST_FREQUENT_FIRST = new MostFrequentFirst();

    private TopTokens() {
    }

    /** The most frequent tokens and the documents that have each. */
    record Top(List<String> tokens, long[] documents) {
    }

    /** The {@code n} most frequent tokens of all of {@code counts}, summed over {@code partitions} tasks. */
    static Top of(JavaRDD<TokenCounts> counts, int n, int partitions) {
        // a split's tokens are distinct already: summing them on the map side would only copy them
        List<Tuple2<String, long[]>> top = counts.flatMapToPair(TokenCounts::entries)
                .combineByKey(v -> v, TopTokens::sum, TopTokens::sum, new HashPartitioner(partitions), false, null)
                .takeOrdered(n, MOST_FREQUENT_FIRST);
        List<String> tokens = new ArrayList<>(top.size());
        long[] documents = new long[top.size()];
        for (int i = 0; i < top.size(); i++) {
            tokens.add(top.get(i)._1());
            documents[i] = top.get(i)._2()[1];
        }
        return new Top(tokens, documents);
    }

    private static long[] sum(long[] a, long[] b) {
        return new long[]{a[0] + b[0], a[1] + b[1]};
    }

    private static final class MostFrequentFirst implements Comparator<Tuple2<String, long[]>>, Serializable {
        @Override
        public int compare(Tuple2<String, long[]> a, Tuple2<String, long[]> b) {
            int byCount = Long.compare(b._2()[0], a._2()[0]);
            return byCount != 0 ? byCount : a._1().compareTo(b._1());
        }
    }
}
