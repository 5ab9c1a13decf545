package textnet.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

import java.util.List;

/**
 * Turns documents tagged with split and source position into the two Datasets of a {@link Corpus}:
 * each split spread over {@code spark.default.parallelism} partitions in contiguous ranges of source
 * order (a sort by position), so the same input gives the same rows in the same order on every run.
 *
 * <p>The shuffles are run here, before returning, so the caller may unpersist {@code docs} at once:
 * later uses of the Datasets read the shuffle output instead of decompressing the source again.
 */
final class OrderedSplits {

    private OrderedSplits() {
    }

    static Corpus assemble(SparkSession spark, JavaRDD<LabelledDoc> docs, List<String> notes) {
        int partitions = JavaSparkContext.fromSparkContext(spark.sparkContext()).defaultParallelism();
        return new Corpus(split(spark, docs, Split.TRAIN, partitions), split(spark, docs, Split.TEST, partitions), notes);
    }

    private static Dataset<Row> split(SparkSession spark, JavaRDD<LabelledDoc> docs, Split split, int partitions) {
        JavaRDD<Row> rows = docs.filter(d -> d.split() == split)
                .mapToPair(d -> new Tuple2<>(d.position(), d.toRow()))
                .sortByKey(true, partitions)
                .values();
        rows.count();
        return spark.createDataFrame(rows, Corpus.SCHEMA);
    }
}
