package textnet.data;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * Labelled documents as read, before any vectorizing: the train and test splits, each with the
 * columns of {@link #SCHEMA}, in a deterministic order (the order the source lists them), plus
 * notes for the user (documents skipped or repaired, and why).
 */
public record Corpus(Dataset<Row> train, Dataset<Row> test, List<String> notes) {

    /** id: a stable name of the document (archive path, NEWID, row number); label: its class name. */
    public static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("text", DataTypes.StringType, false)
            .add("label", DataTypes.StringType, false);

    public Corpus {
        notes = List.copyOf(notes);
    }
}
