package textnet.text;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.types.UTF8String;
import textnet.JobException;
import textnet.data.LabelledDoc;

import java.util.List;

/**
 * The validation rows ({@code data.validation}): the training documents with the smallest seeded
 * hash of their id, so the choice depends neither on the order nor on the partitioning of the input.
 */
final class HeldOut {

    /** Spark's default seed for {@code xxhash64}. */
    private static final long SPARK_XXHASH_SEED = 42;

    private HeldOut() {
    }

    /** Spark SQL's {@code xxhash64(lit(seed), id)}, computed without a query plan. */
    static long hash(long seed, String id) {
        return XXH64.hashUTF8String(UTF8String.fromString(id), XXH64.hashLong(seed, SPARK_XXHASH_SEED));
    }

    /**
     * The largest hash that is held out: a training document is a validation row when its hash is at
     * most this. Only the {@code count + 1} smallest hashes reach the driver.
     */
    static long threshold(JavaRDD<LabelledDoc> docs, long seed, int count) {
        List<Long> smallest = docs.filter(LabelledDoc::isTrain).map(d -> hash(seed, d.id())).takeOrdered(count + 1);
        if (smallest.size() <= count) {
            throw JobException.config("config key 'data.validation': " + count + " rows held out leaves none of the "
                    + smallest.size() + " training rows to train on");
        }
        return smallest.get(count - 1);
    }
}
