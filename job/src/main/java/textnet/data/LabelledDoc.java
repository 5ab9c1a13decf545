package textnet.data;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.Serializable;

/**
 * One labelled document of a {@link Corpus}: its split, its position in the source (the order the
 * source lists it in, kept so the splits can be shown in source order), and whether its bytes needed
 * repair while being decoded. Ids are unique within a split.
 */
public record LabelledDoc(Split split, long position, String id, String text, String label, boolean repaired)
        implements Serializable {

    public boolean isTrain() {
        return split == Split.TRAIN;
    }

    Row toRow() {
        return RowFactory.create(id, text, label);
    }
}
