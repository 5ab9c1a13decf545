package textnet.text;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    /** @param tokenized rows with an array-of-strings column {@code tokens} */
    public static Vocabulary fit(Dataset<Row> tokenized, int maxSize) {
        JavaPairRDD<String, Long> counts = tokenized.select("tokens").javaRDD()
                .flatMap(row -> row.<String>getList(0).iterator())
                .mapToPair(token -> new Tuple2<>(token, 1L))
                .reduceByKey(Long::sum);
        List<Tuple2<String, Long>> top = counts.takeOrdered(maxSize, new ByFrequency());
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
