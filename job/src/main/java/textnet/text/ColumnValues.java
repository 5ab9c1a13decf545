package textnet.text;

import textnet.config.OutputMode;

import java.io.Serializable;

/**
 * What a document's vector holds at a vocabulary column ({@code vectorizer.output-mode}, Keras's
 * {@code TextVectorization} definitions): 1 ({@code multi-hot}), the token's count in the document
 * ({@code count}), or that count times the column's inverse document frequency ({@code tf-idf}),
 * {@code idf = log(1 + documents / (1 + documents with the token))} over the training split, kept
 * as float32 and saved with the model ({@code idf.npy}).
 */
public final class ColumnValues implements Serializable {

    private final OutputMode mode;
    /** tf-idf only: each column's inverse document frequency. */
    private final float[] idf;

    private ColumnValues(OutputMode mode, float[] idf) {
        this.mode = mode;
        this.idf = idf;
    }

    public static ColumnValues multiHot() {
        return new ColumnValues(OutputMode.MULTI_HOT, null);
    }

    public static ColumnValues counts() {
        return new ColumnValues(OutputMode.COUNT, null);
    }

    public static ColumnValues tfIdf(float[] idf) {
        return new ColumnValues(OutputMode.TF_IDF, idf.clone());
    }

    /** {@code mode}'s values; tf-idf's inverse document frequencies from {@link #idfOf}. */
    static ColumnValues of(OutputMode mode, long documents, long[] documentsWith) {
        return mode == OutputMode.TF_IDF ? new ColumnValues(mode, idfOf(documents, documentsWith)) : of(mode);
    }

    /** The values of a mode that fits nothing (multi-hot, count); tf-idf needs its frequencies. */
    public static ColumnValues of(OutputMode mode) {
        return switch (mode) {
            case MULTI_HOT -> multiHot();
            case COUNT -> counts();
            case TF_IDF -> throw new IllegalArgumentException("tf-idf values need inverse document frequencies");
        };
    }

    /** {@code log(1 + documents / (1 + documentsWith[c]))} for each column, as Keras fits it. */
    static float[] idfOf(long documents, long[] documentsWith) {
        float[] idf = new float[documentsWith.length];
        for (int c = 0; c < idf.length; c++) {
            idf[c] = (float) Math.log(1 + (double) documents / (1 + documentsWith[c]));
        }
        return idf;
    }

    public OutputMode mode() {
        return mode;
    }

    /** Whether every value is 1: rows carry columns only. */
    public boolean ones() {
        return mode == OutputMode.MULTI_HOT;
    }

    /** tf-idf's inverse document frequencies (a copy), else null. */
    public float[] idf() {
        return idf == null ? null : idf.clone();
    }

    /** The value at {@code column} of a document that has its token {@code count} times. */
    public float of(int column, int count) {
        return switch (mode) {
            case MULTI_HOT -> 1f;
            case COUNT -> count;
            case TF_IDF -> count * idf[column];
        };
    }
}
