package textnet.data;

import org.apache.spark.SparkContext;
import textnet.JobException;
import textnet.config.DataFormat;
import textnet.config.DataConfig;

/**
 * The corpus {@code data.format} names, as labelled train and test documents read lazily from their
 * files ({@link Corpus}; see docs/DESIGN.md, "Datasets").
 */
public final class CorpusReaders {

    private CorpusReaders() {
    }

    /** An archive is read by as many tasks as Spark runs at once (its default parallelism). */
    public static Corpus read(SparkContext sc, DataConfig config) {
        return read(sc, config, sc.defaultParallelism());
    }

    /** @param archiveReaders how many tasks read an aclImdb archive, each keeping its share of the reviews */
    public static Corpus read(SparkContext sc, DataConfig config, int archiveReaders) {
        if (!DataFormat.NAMES.contains(config.format())) {
            throw JobException.config("config key 'data.format': '" + config.format() + "' is not one of "
                    + String.join(", ", DataFormat.NAMES));
        }
        return switch (config.dataFormat()) {
            case ACLIMDB -> AclImdbReader.read(sc, config.path(), archiveReaders);
            case REUTERS21578 -> ReutersReader.read(sc, config.path(), ReutersSubset.named(config.subset()));
            case TSV, CSV, JSONL, PARQUET -> TextTableReader.read(sc, config);
        };
    }
}
