package textnet.data;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark SQL session over a context, made when first needed: reading Parquet, or turning a corpus
 * into DataFrames. The readers take the {@link SparkContext} alone, because making the session (Spark
 * SQL's and Scala reflection's classes) takes ~1.4 s of a command's start that a TSV, CSV, JSONL or
 * archive run never needs.
 */
final class SqlSession {

    private SqlSession() {
    }

    /** The application's session when it has one (tests, spark-submit), else a new one on {@code sc}. */
    static SparkSession of(SparkContext sc) {
        SparkSession session = SparkSession.builder().getOrCreate(); // the active context's: sc, in a textnet JVM
        if (session.sparkContext() != sc) {
            throw new IllegalStateException("the active Spark session runs on another SparkContext than the corpus");
        }
        return session;
    }
}
