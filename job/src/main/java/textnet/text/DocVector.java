package textnet.text;

import java.io.Serializable;

/**
 * One document's vector, sparse: its non-zero columns (sorted, distinct) and their values, or
 * {@code values} null when every value is 1 (multi-hot: the rows carry no values at all).
 */
public record DocVector(int[] indices, float[] values) implements Serializable {

    public DocVector {
        if (values != null && values.length != indices.length) {
            throw new IllegalArgumentException(indices.length + " columns and " + values.length + " values");
        }
    }

    /** A multi-hot vector: ones at {@code indices}. */
    public static DocVector ones(int[] indices) {
        return new DocVector(indices, null);
    }
}
