package textnet.data;

import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import textnet.config.DataFormat;
import textnet.config.DataConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table formats: tsv ({@code label<TAB>text}, no header), csv (a header; quoted fields may span
 * lines), jsonl and parquet, with the columns {@code data.text-column} (strings) and
 * {@code data.label-column} (strings, numbers or booleans, as text; with {@code data.labels: multi} a
 * set of classes, see {@link LabelSet}). A document's id is the file's index in its split and the row's
 * place in that file ({@link TableSplit#idOf}; for predict, the row's number when the input is one file).
 *
 * <p>From the counts of one pass over the documents: each split must have rows, and the labels must
 * look like classes ({@link LabelChecks}); rows with malformed UTF-8 are counted in a note per file.
 */
final class TextTableReader {

    private TextTableReader() {
    }

    static Corpus read(SparkContext context, DataConfig config) {
        TableColumns columns = new TableColumns(config.textColumn(), config.labelColumn(), config.multiLabel());
        SplitFiles files = SplitFiles.of(context, config, columns);
        JavaRDD<LabelledDoc> docs = split(context, config.dataFormat(), files, Split.TRAIN, columns)
                .union(split(context, config.dataFormat(), files, Split.TEST, columns));
        return new Corpus(context, docs, List.of(), counts -> {
            for (Split split : Split.values()) {
                if (counts.total(split) == 0) {
                    throw TableFile.noRows(SplitFiles.key(split), split == Split.TRAIN ? config.train() : config.test());
                }
            }
            LabelChecks.require(counts, config.dataFormat() == DataFormat.TSV ? "the tsv labels (the text before the first tab)"
                    : "data.label-column '" + config.labelColumn() + "'", config.multiLabel());
            return repairNotes(counts, files);
        });
    }

    /**
     * Unlabelled rows (id, text) of a table, for predict, with the same checks as training's: id = the
     * row's number in its file (from 0), prefixed by the file's index when the input is several files.
     */
    static Dataset<Row> unlabelled(SparkSession spark, DataFormat format, List<InputFile> files, String textColumn) {
        boolean one = files.size() == 1;
        JavaRDD<Row> rows = rows(spark.sparkContext(), format, files, "--input", files.get(0).name(), new TableColumns(textColumn, null), false)
                .map(r -> RowFactory.create(one ? Long.toString(r.key()) : TableSplit.idOf(r.key()), r.textString()));
        return spark.createDataFrame(rows, PredictInput.SCHEMA);
    }

    /** A split's documents: id = the file's index and the row's place in it ({@link TableSplit#idOf}). */
    private static JavaRDD<LabelledDoc> split(SparkContext context, DataFormat format, SplitFiles files, Split split,
                                              TableColumns columns) {
        return rows(context, format, files.files(split), SplitFiles.key(split), files.value(split), columns, true)
                .map(r -> r.utf8() != null
                        ? LabelledDoc.ofUtf8(split, r.key(), TableSplit.idOf(r.key()), r.utf8(), r.label(), r.repaired())
                        : new LabelledDoc(split, r.key(), TableSplit.idOf(r.key()), r.text(), r.label(), r.repaired()));
    }

    private static JavaRDD<TableRow> rows(SparkContext context, DataFormat format, List<InputFile> files, String key,
                                          String name, TableColumns columns, boolean byRange) {
        return format == DataFormat.PARQUET ? ParquetRows.read(SqlSession.of(context), files, name, columns)
                : TableRows.read(JavaSparkContext.fromSparkContext(context), files, key, format, columns, byRange);
    }

    /** One note per file (once when data.train and data.test are the same file). */
    private static List<String> repairNotes(DocCounts counts, SplitFiles files) {
        Set<String> notes = new LinkedHashSet<>();
        for (Split split : Split.values()) {
            long repaired = counts.repaired(split);
            if (repaired > 0) {
                notes.add(files.value(split) + ": " + repaired + (repaired == 1 ? " row was" : " rows were")
                        + " not valid UTF-8; their malformed bytes were replaced with U+FFFD");
            }
        }
        return new ArrayList<>(notes);
    }
}
