package textnet.data;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.Serializable;

/**
 * One document on its way into a {@link Corpus}: its split, its position in the source (only used
 * to put the rows back in source order after Spark has spread them out), and whether its bytes
 * needed repair while being decoded.
 */
record LabelledDoc(Split split, long position, String id, String text, String label, boolean repaired)
        implements Serializable {

    Row toRow() {
        return RowFactory.create(id, text, label);
    }
}
