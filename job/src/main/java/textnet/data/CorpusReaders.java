package textnet.data;

import org.apache.spark.sql.SparkSession;
import textnet.JobException;
import textnet.config.ConfigValidator;
import textnet.config.DataConfig;

/** Reads the corpus {@code data.format} names into labelled train and test rows (see DESIGN.md, "Datasets"). */
public final class CorpusReaders {

    private CorpusReaders() {
    }

    public static Corpus read(SparkSession spark, DataConfig config) {
        String format = config.format() == null ? "" : config.format();
        return switch (format) {
            case "aclimdb" -> AclImdbReader.read(spark, config.path());
            case "reuters21578" -> ReutersReader.read(spark, config.path(), ReutersSubset.named(config.subset()));
            case "tsv" -> TsvReader.read(spark, SplitFiles.of(spark, config));
            case "csv", "jsonl", "parquet" -> TextTableReader.read(spark, SplitFiles.of(spark, config), config);
            default -> throw JobException.config("config key 'data.format': '" + config.format() + "' is not one of "
                    + String.join(", ", ConfigValidator.FORMATS));
        };
    }
}
