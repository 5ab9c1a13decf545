package textnet.data;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import textnet.JobException;
import textnet.config.ConfigValidator;
import textnet.config.DataConfig;

/**
 * Reads the corpus {@code data.format} names into labelled train and test documents (see DESIGN.md,
 * "Datasets"), dealt into as many partitions as training will use.
 */
public final class CorpusReaders {

    private CorpusReaders() {
    }

    /** Dealt into Spark's default parallelism. */
    public static Corpus read(SparkSession spark, DataConfig config) {
        return read(spark, config, JavaSparkContext.fromSparkContext(spark.sparkContext()).defaultParallelism());
    }

    public static Corpus read(SparkSession spark, DataConfig config, int partitions) {
        String format = config.format() == null ? "" : config.format();
        return switch (format) {
            case "aclimdb" -> AclImdbReader.read(spark, config.path(), partitions);
            case "reuters21578" -> ReutersReader.read(spark, config.path(), ReutersSubset.named(config.subset()), partitions);
            case "tsv", "csv", "jsonl", "parquet" -> TextTableReader.read(spark, config, partitions);
            default -> throw JobException.config("config key 'data.format': '" + config.format() + "' is not one of "
                    + String.join(", ", ConfigValidator.FORMATS));
        };
    }
}
