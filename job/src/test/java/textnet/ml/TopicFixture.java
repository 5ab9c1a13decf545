package textnet.ml;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A tiny labelled corpus, generated from a seed so every run sees the same texts: each document
 * mixes a few words of its topic with words shared by all topics, so a classifier must learn which
 * words matter (the shared ones alone give chance accuracy).
 */
final class TopicFixture {

    static final List<List<String>> TOPIC_WORDS = List.of(
            List.of("goal", "match", "striker", "league", "referee", "stadium", "coach", "penalty"),
            List.of("recipe", "oven", "flour", "garlic", "simmer", "butter", "spoon", "dessert"),
            List.of("compiler", "kernel", "server", "database", "latency", "cache", "thread", "bug"));
    static final List<String> SHARED = List.of("the", "a", "today", "really", "we", "new", "good", "week",
            "people", "about", "story", "again");

    private TopicFixture() {
    }

    /** Columns {@code text} (string) and {@code label} (double class number 0..topics-1). */
    static Dataset<Row> documents(SparkSession spark, int count, int topics, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int topic = i % topics;
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                words.add(TOPIC_WORDS.get(topic).get(random.nextInt(TOPIC_WORDS.get(topic).size())));
            }
            for (int w = 0; w < 4; w++) {
                words.add(SHARED.get(random.nextInt(SHARED.size())));
            }
            // shuffle so the topic words are not always first
            for (int w = words.size() - 1; w > 0; w--) {
                int j = random.nextInt(w + 1);
                words.set(w, words.set(j, words.get(w)));
            }
            rows.add(RowFactory.create(String.join(" ", words) + ".", (double) topic));
        }
        StructType schema = new StructType().add("text", DataTypes.StringType).add("label", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema);
    }
}
