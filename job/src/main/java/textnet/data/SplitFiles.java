package textnet.data;

import org.apache.spark.sql.SparkSession;
import textnet.config.DataConfig;

/** The generic formats' two inputs, {@code data.train} and {@code data.test}, checked to exist. */
record SplitFiles(String train, String test) {

    static SplitFiles of(SparkSession spark, DataConfig config) {
        String hint = "the " + config.format() + " format reads its splits from data.train and data.test";
        InputPaths.require(spark, "data.train", config.train(), hint);
        InputPaths.require(spark, "data.test", config.test(), hint);
        return new SplitFiles(config.train(), config.test());
    }

    String path(Split split) {
        return split == Split.TRAIN ? train : test;
    }
}
