package textnet.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
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

    static Corpus read(SparkSession spark, SplitFiles files, int partitions) {
        JavaRDD<LabelledDoc> docs = Corpus.deal(
                split(spark, files.path(Split.TRAIN), Split.TRAIN).union(split(spark, files.path(Split.TEST), Split.TEST)),
                partitions);
        docs.count();
        return new Corpus(spark, docs, partitions, List.of());
    }

    private static JavaRDD<LabelledDoc> split(SparkSession spark, String path, Split split) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return sc.textFile(path)
                .zipWithIndex()
                .filter(line -> !line._1().isBlank())
                .map(line -> labelAndText(path, line._2() + 1, line._1()))
                .zipWithIndex()
                .map(row -> new LabelledDoc(split, row._2(), Long.toString(row._2()), row._1()[1], row._1()[0], false));
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
