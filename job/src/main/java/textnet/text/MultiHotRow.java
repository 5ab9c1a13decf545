package textnet.text;

import java.io.Serializable;

/**
 * One vectorized document: its class index (or label set number), the sorted vocabulary indices it
 * contains, and their values ({@link DocVector}; null: all ones).
 */
public record MultiHotRow(int label, int[] indices, float[] values) implements Serializable {

    /** A multi-hot row. */
    public MultiHotRow(int label, int[] indices) {
        this(label, indices, null);
    }

    public MultiHotRow(int label, DocVector vector) {
        this(label, vector.indices(), vector.values());
    }
}
