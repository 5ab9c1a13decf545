package textnet.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.util.List;

/**
 * Labelled documents as read, before any vectorizing: both splits in one cached RDD, dealt into
 * {@link #partitions()} partitions by {@link IdPartitioner} and sorted by id within each, so
 * vectorizing can build every partition's rows where its documents already are. Also holds notes
 * for the user (documents skipped or repaired, and why).
 */
public final class Corpus {

    /** id: a stable name of the document (archive path, NEWID, row number); label: its class name. */
    public static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("text", DataTypes.StringType, false)
            .add("label", DataTypes.StringType, false);

    private final SparkSession spark;
    private final JavaRDD<LabelledDoc> documents;
    private final int partitions;
    private final List<String> notes;

    /** @param documents already dealt by {@link IdPartitioner} into {@code partitions} and persisted */
    Corpus(SparkSession spark, JavaRDD<LabelledDoc> documents, int partitions, List<String> notes) {
        this.spark = spark;
        this.documents = documents;
        this.partitions = partitions;
        this.notes = List.copyOf(notes);
    }

    /**
     * Deals documents by a shuffle: for sources that Spark splits by itself (folders, tables).
     * Persisted, not yet computed: the reader's first pass over them (its counts) does that.
     */
    static JavaRDD<LabelledDoc> deal(JavaRDD<LabelledDoc> docs, int partitions) {
        return docs.mapToPair(d -> new Tuple2<>(d.id(), d))
                .repartitionAndSortWithinPartitions(new IdPartitioner(partitions))
                .values()
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** Both splits, dealt and sorted by id within each partition. */
    public JavaRDD<LabelledDoc> documents() {
        return documents;
    }

    public int partitions() {
        return partitions;
    }

    public List<String> notes() {
        return notes;
    }

    /** The same documents dealt into another number of partitions (itself when that is already so). */
    public Corpus dealtInto(int count) {
        if (count == partitions) {
            return this;
        }
        JavaRDD<LabelledDoc> again = deal(documents, count);
        again.count();
        return new Corpus(spark, again, count, notes);
    }

    /** The training split as rows of {@link #SCHEMA}, in source order. */
    public Dataset<Row> train() {
        return inSourceOrder(Split.TRAIN);
    }

    /** The test split as rows of {@link #SCHEMA}, in source order. */
    public Dataset<Row> test() {
        return inSourceOrder(Split.TEST);
    }

    /** Frees the cached documents; they are not needed once vectorized. */
    public void unpersist() {
        documents.unpersist(false);
    }

    private Dataset<Row> inSourceOrder(Split split) {
        JavaRDD<Row> rows = documents.filter(d -> d.split() == split)
                .sortBy(LabelledDoc::position, true, partitions)
                .map(LabelledDoc::toRow);
        return spark.createDataFrame(rows, SCHEMA);
    }
}
