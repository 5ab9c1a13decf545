package textnet.data;

import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Labelled documents as a source, before any vectorizing: an RDD that reads them (both splits) from
 * their files whenever it is computed, in as many partitions as the source splits into, never cached
 * (text is the largest thing a run touches; only the vectorized rows are kept). A document's id is
 * stable (an archive path, a NEWID, a file and byte offset), so what is built from the documents
 * does not depend on how Spark happened to split the source.
 *
 * <p>The checks a format makes of its documents as a whole (every split has rows, the labels are
 * class labels, ...) need one pass over them; the vectorizer's first pass counts them and hands the
 * counts to {@link #checked}.
 */
public final class Corpus {

    /** id: a stable name of the document (archive path, NEWID, row number); label: its class name. */
    public static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("text", DataTypes.StringType, false)
            .add("label", DataTypes.StringType, false);

    /** What a format requires of the counts of its documents; returns notes for the user. */
    @FunctionalInterface
    interface Check {
        /** @throws textnet.JobException (input) when the documents are not what the format requires */
        List<String> notes(DocCounts counts);
    }

    private final SparkContext context;
    private final JavaRDD<LabelledDoc> documents;
    private final List<String> notes;
    private final Check check;

    /**
     * @param documents read lazily from the source (not persisted)
     * @param notes     what reading found already (files skipped, ...)
     */
    Corpus(SparkContext context, JavaRDD<LabelledDoc> documents, List<String> notes, Check check) {
        this.context = context;
        this.documents = documents;
        this.notes = List.copyOf(notes);
        this.check = check;
    }

    /** Both splits, read from the source each time this is computed. */
    public JavaRDD<LabelledDoc> documents() {
        return documents;
    }

    /**
     * The format's checks on the counts of a pass over {@link #documents()}, and every note for the
     * user: those from reading, then those from the counts (documents repaired, ...).
     */
    public List<String> checked(DocCounts counts) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(check.notes(counts));
        return all;
    }

    /** {@link #checked} on counts made by a job of their own (tests, small data; vectorizing counts in its first pass). */
    public List<String> countedAndChecked() {
        return checked(DocCounts.of(documents));
    }

    /** The training split as rows of {@link #SCHEMA}, in source order (tests, small data). */
    public Dataset<Row> train() {
        return inSourceOrder(Split.TRAIN);
    }

    /** The test split as rows of {@link #SCHEMA}, in source order (tests, small data). */
    public Dataset<Row> test() {
        return inSourceOrder(Split.TEST);
    }

    private Dataset<Row> inSourceOrder(Split split) {
        JavaRDD<Row> rows = documents.filter(d -> d.split() == split)
                .sortBy(LabelledDoc::position, true, Math.max(1, documents.getNumPartitions()))
                .map(LabelledDoc::toRow);
        return SqlSession.of(context).createDataFrame(rows, SCHEMA);
    }
}
