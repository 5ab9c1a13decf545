package textnet.data;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import textnet.JobException;

import java.util.List;

/**
 * Lines {@code label<TAB>text} without a header. Only the first tab separates, so the text keeps any
 * further tabs; blank lines are skipped. id = the row's 0-based number among the non-blank lines.
 */
final class TsvReader {

    private TsvReader() {
    }

    static Corpus read(SparkSession spark, SplitFiles files) {
        return new Corpus(split(spark, files.path(Split.TRAIN)), split(spark, files.path(Split.TEST)), List.of());
    }

    private static Dataset<Row> split(SparkSession spark, String path) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        var rows = sc.textFile(path)
                .zipWithIndex()
                .filter(line -> !line._1().isBlank())
                .map(line -> labelAndText(path, line._2() + 1, line._1()))
                .zipWithIndex()
                .map(row -> RowFactory.create(Long.toString(row._2()), row._1()[1], row._1()[0]));
        return spark.createDataFrame(rows, Corpus.SCHEMA);
    }

    /** {label, text} of one line; {@code lineNumber} counts from 1, as editors do. */
    static String[] labelAndText(String path, long lineNumber, String line) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            throw JobException.input(path + " line " + lineNumber + ": no tab; tsv lines are label<TAB>text");
        }
        return new String[] {line.substring(0, tab), line.substring(tab + 1)};
    }
}
