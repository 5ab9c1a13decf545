package textnet.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import textnet.config.DataConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table formats: tsv ({@code label<TAB>text}, no header), csv (a header; quoted fields may span
 * lines), jsonl and parquet, with the columns {@code data.text-column} (strings) and
 * {@code data.label-column} (strings, numbers or booleans, as text). A document's id is its row's
 * number within its split, from 0 ({@link TableRow}).
 *
 * <p>From the counts of one pass over the documents: each split must have rows, and the labels must
 * look like classes ({@link LabelChecks}); rows with malformed UTF-8 are counted in a note per file.
 */
final class TextTableReader {

    private TextTableReader() {
    }

    static Corpus read(SparkSession spark, DataConfig config) {
        TableColumns columns = new TableColumns(config.textColumn(), config.labelColumn());
        SplitFiles files = SplitFiles.of(spark, config, columns);
        JavaRDD<LabelledDoc> docs = split(spark, config.format(), files, Split.TRAIN, columns)
                .union(split(spark, config.format(), files, Split.TEST, columns));
        return new Corpus(spark, docs, List.of(), counts -> {
            for (Split split : Split.values()) {
                if (counts.total(split) == 0) {
                    throw TableFile.noRows(SplitFiles.key(split), files.file(split).name());
                }
            }
            LabelChecks.require(counts, config.format().equals("tsv") ? "the tsv labels (the text before the first tab)"
                    : "data.label-column '" + config.labelColumn() + "'");
            return repairNotes(counts, files);
        });
    }

    /** Unlabelled rows (id, text) of a table, for predict, with the same checks as training's. */
    static Dataset<Row> unlabelled(SparkSession spark, String format, InputFile file, String textColumn) {
        JavaRDD<Row> rows = rows(spark, format, file, "--input", new TableColumns(textColumn, null))
                .map(r -> RowFactory.create(Long.toString(r.number()), r.text()));
        return spark.createDataFrame(rows, PredictInput.SCHEMA);
    }

    private static JavaRDD<LabelledDoc> split(SparkSession spark, String format, SplitFiles files, Split split,
                                              TableColumns columns) {
        return rows(spark, format, files.file(split), SplitFiles.key(split), columns)
                .map(r -> new LabelledDoc(split, r.number(), Long.toString(r.number()), r.text(), r.label(), r.repaired()));
    }

    private static JavaRDD<TableRow> rows(SparkSession spark, String format, InputFile file, String key,
                                          TableColumns columns) {
        return format.equals("parquet") ? ParquetRows.read(spark, file, columns)
                : TableRows.read(JavaSparkContext.fromSparkContext(spark.sparkContext()), file, key, format, columns);
    }

    /** One note per file (once when data.train and data.test are the same file). */
    private static List<String> repairNotes(DocCounts counts, SplitFiles files) {
        Set<String> notes = new LinkedHashSet<>();
        for (Split split : Split.values()) {
            long repaired = counts.repaired(split);
            if (repaired > 0) {
                notes.add(files.file(split).name() + ": " + repaired + (repaired == 1 ? " row was" : " rows were")
                        + " not valid UTF-8; their malformed bytes were replaced with U+FFFD");
            }
        }
        return new ArrayList<>(notes);
    }
}
