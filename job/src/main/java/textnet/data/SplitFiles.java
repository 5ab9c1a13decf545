package textnet.data;

import org.apache.spark.SparkContext;
import textnet.JobException;
import textnet.config.DataConfig;

import java.util.List;

/**
 * The table formats' two inputs, {@code data.train} and {@code data.test} (each a file, a folder of
 * part files or a glob), listed and checked on the driver ({@link TableFile}). A key left unset is a config error (exit 2): it is checked here, where the
 * format is known, because the config validator also sees configs without data (Spark ML, saved models).
 */
record SplitFiles(List<InputFile> train, List<InputFile> test, String trainValue, String testValue) {

    static SplitFiles of(SparkContext context, DataConfig config, TableColumns columns) {
        String hint = "the " + config.format() + " format reads its splits from data.train and data.test";
        requireSet(key(Split.TRAIN), config.train(), hint);
        requireSet(key(Split.TEST), config.test(), hint);
        return new SplitFiles(
                TableFile.require(context, key(Split.TRAIN), config.train(), config.dataFormat(), columns, hint),
                TableFile.require(context, key(Split.TEST), config.test(), config.dataFormat(), columns, hint),
                config.train(), config.test());
    }

    private static void requireSet(String key, String value, String hint) {
        if (value == null || value.isBlank()) {
            throw JobException.config("config key '" + key + "' is not set; " + hint);
        }
    }

    static String key(Split split) {
        return "data." + split.folder();
    }

    /** How the user named a split's input. */
    String value(Split split) {
        return split == Split.TRAIN ? trainValue : testValue;
    }

    /** The files of a split, sorted by path. */
    List<InputFile> files(Split split) {
        return split == Split.TRAIN ? train : test;
    }
}
