package textnet.data;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * One labelled document of a {@link Corpus}: its split, its position in the source (the order the
 * source lists it in, kept so the splits can be shown in source order), its id (stable and unique
 * within a split), its label, and its text — as the UTF-8 bytes it was read as when the reader had
 * bytes (archives, folders, TSV lines: tokenizing reads them directly, no String is made), else as a
 * String — and whether malformed UTF-8 in it was replaced with U+FFFD.
 */
public final class LabelledDoc implements Serializable {

    private final Split split;
    private final long position;
    private final String id;
    private final String label;
    private final String text;
    private final byte[] utf8;
    private final boolean repaired;

    public LabelledDoc(Split split, long position, String id, String text, String label, boolean repaired) {
        this(split, position, id, label, text, null, repaired);
    }

    private LabelledDoc(Split split, long position, String id, String label, String text, byte[] utf8,
                        boolean repaired) {
        this.split = split;
        this.position = position;
        this.id = id;
        this.label = label;
        this.text = text;
        this.utf8 = utf8;
        this.repaired = repaired;
    }

    /** A document whose text is UTF-8 bytes (not copied: the caller hands them over). */
    static LabelledDoc ofUtf8(Split split, long position, String id, byte[] utf8, String label) {
        return ofUtf8(split, position, id, utf8, label, !Utf8Text.isValid(utf8, 0, utf8.length));
    }

    /** @param repaired whether the bytes are not valid UTF-8 (the caller checked) */
    static LabelledDoc ofUtf8(Split split, long position, String id, byte[] utf8, String label, boolean repaired) {
        return new LabelledDoc(split, position, id, label, null, utf8, repaired);
    }

    public Split split() {
        return split;
    }

    public long position() {
        return position;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean repaired() {
        return repaired;
    }

    public boolean isTrain() {
        return split == Split.TRAIN;
    }

    /** The text (decoded from the bytes, malformed bytes as U+FFFD, when it was read as bytes). */
    public String text() {
        return text != null ? text : new String(utf8, StandardCharsets.UTF_8);
    }

    /** The text as UTF-8 bytes when it was read as bytes, else null (use {@link #text()}). */
    public byte[] utf8() {
        return utf8;
    }

    Row toRow() {
        return RowFactory.create(id, text(), label);
    }

    @Override
    public String toString() {
        return split + " " + id + " (" + label + ")";
    }
}
