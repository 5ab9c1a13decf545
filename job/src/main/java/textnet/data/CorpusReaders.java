package textnet.data;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import textnet.JobException;
import textnet.config.ConfigValidator;
import textnet.config.DataConfig;

/**
 * The corpus {@code data.format} names, as labelled train and test documents read lazily from their
 * files ({@link Corpus}; see docs/DESIGN.md, "Datasets").
 */
public final class CorpusReaders {

    private CorpusReaders() {
    }

    /** An archive is read by as many tasks as Spark runs at once (its default parallelism). */
    public static Corpus read(SparkSession spark, DataConfig config) {
        return read(spark, config, JavaSparkContext.fromSparkContext(spark.sparkContext()).defaultParallelism());
    }

    /** @param archiveReaders how many tasks read an aclImdb archive, each keeping its share of the reviews */
    public static Corpus read(SparkSession spark, DataConfig config, int archiveReaders) {
        String format = config.format() == null ? "" : config.format();
        return switch (format) {
            case "aclimdb" -> AclImdbReader.read(spark, config.path(), archiveReaders);
            case "reuters21578" -> ReutersReader.read(spark, config.path(), ReutersSubset.named(config.subset()));
            case "tsv", "csv", "jsonl", "parquet" -> TextTableReader.read(spark, config);
            default -> throw JobException.config("config key 'data.format': '" + config.format() + "' is not one of "
                    + String.join(", ", ConfigValidator.FORMATS));
        };
    }
}
