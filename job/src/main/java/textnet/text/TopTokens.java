package textnet.text;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The vocabulary from per-split token counts, exactly, without any one task or the driver holding
 * every distinct token of the corpus (bigrams of millions of documents are tens of millions): each
 * split's counts are cut into {@code partitions} shares by token ({@link TokenCounts#shares}), a
 * shuffle brings share i of every split to task i, which sums them and keeps its {@code n} most
 * frequent; the driver takes the {@code n} most frequent of those ({@code takeOrdered}), so it
 * receives at most {@code n} tokens from each task. Exact, as summing everything on the driver was.
 * A share travels as one object of packed arrays: a record per token, as Spark's own aggregation
 * moves them, cost about a microsecond each to serialize, 11 s for 2.5 million reviews' tokens.
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
        List<Tuple2<String, long[]>> top = counts.flatMapToPair(c -> {
                    TokenCounts[] shares = c.shares(partitions);
                    List<Tuple2<Integer, TokenCounts>> keyed = new ArrayList<>(partitions);
                    for (int s = 0; s < partitions; s++) {
                        keyed.add(new Tuple2<>(s, shares[s]));
                    }
                    return keyed.iterator();
                })
                .partitionBy(new HashPartitioner(partitions))
                .mapPartitions(shares -> {
                    TokenCounts sum = TokenCounts.sum(new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return shares.hasNext();
                        }

                        @Override
                        public TokenCounts next() {
                            return shares.next()._2();
                        }
                    });
                    List<Tuple2<String, long[]>> entries = new ArrayList<>();
                    sum.entries().forEachRemaining(entries::add);
                    entries.sort(MOST_FREQUENT_FIRST);
                    return entries.subList(0, Math.min(n, entries.size())).iterator();
                })
                .takeOrdered(n, MOST_FREQUENT_FIRST);
        List<String> tokens = new ArrayList<>(top.size());
        long[] documents = new long[top.size()];
        for (int i = 0; i < top.size(); i++) {
            tokens.add(top.get(i)._1());
            documents[i] = top.get(i)._2()[1];
        }
        return new Top(tokens, documents);
    }

    private static final class MostFrequentFirst implements Comparator<Tuple2<String, long[]>>, Serializable {
        @Override
        public int compare(Tuple2<String, long[]> a, Tuple2<String, long[]> b) {
            int byCount = Long.compare(b._2()[0], a._2()[0]);
            return byCount != 0 ? byCount : a._1().compareTo(b._1());
        }
    }
}
