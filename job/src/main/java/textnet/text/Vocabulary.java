package textnet.text;

import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature columns: the most frequent training tokens, most frequent first (Keras's
 * {@code Tokenizer(num_words=...)} order). Ties are broken by the token itself, so the same data
 * gives the same vocabulary however Spark partitions it (CountVectorizer leaves ties to chance).
 */
public record Vocabulary(List<String> tokens) implements Serializable {

    public Vocabulary {
        tokens = List.copyOf(tokens);
    }

    public int size() {
        return tokens.size();
    }

    /** Column of each token. */
    public Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            index.put(tokens.get(i), i);
        }
        return index;
    }

    /** Counts every token occurrence in {@code texts}, a partition at a time, and keeps the top {@code maxSize}. */
    public static Vocabulary fit(JavaRDD<String> texts, Tokenizer tokenizer, int maxSize) {
        List<Tuple2<String, Long>> top = texts
                .mapPartitions(it -> {
                    Map<String, long[]> counts = new HashMap<>();
                    while (it.hasNext()) {
                        tokenizer.forEachToken(it.next(), t -> counts.computeIfAbsent(t, k -> new long[1])[0]++);
                    }
                    List<Tuple2<String, Long>> out = new ArrayList<>(counts.size());
                    counts.forEach((t, c) -> out.add(new Tuple2<>(t, c[0])));
                    return out.iterator();
                })
                .mapToPair(t -> t)
                .reduceByKey(Long::sum)
                .takeOrdered(maxSize, new ByFrequency());
        List<String> tokens = new ArrayList<>(top.size());
        for (Tuple2<String, Long> t : top) {
            tokens.add(t._1());
        }
        return new Vocabulary(tokens);
    }

    /** Descending count, then ascending token. */
    private static final class ByFrequency implements Comparator<Tuple2<String, Long>>, Serializable {
        @Override
        public int compare(Tuple2<String, Long> a, Tuple2<String, Long> b) {
            int byCount = Long.compare(b._2(), a._2());
            return byCount != 0 ? byCount : a._1().compareTo(b._1());
        }
    }
}
