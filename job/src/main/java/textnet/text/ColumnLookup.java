package textnet.text;

import textnet.config.VectorizerConfig;
import textnet.data.LabelledDoc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A document's vector: its tokens looked up in the vocabulary as bytes (no String per token),
 * out-of-vocabulary tokens dropped, each column once, sorted, with its value ({@link ColumnValues}:
 * none for multi-hot, else from the column's count in the document). One per task, built from the
 * vocabulary's tokens (column i is token i): it keeps buffers, so it is not shared between threads
 * (a broadcast value is: tasks of one executor see the same object).
 */
final class ColumnLookup implements Utf8Tokenizer.TokenConsumer {

    private final DocTokenizer tokenizer;
    private final ByteTokenTable table = new ByteTokenTable();
    /** Per column, the number of the last document it was found in: a column is taken once per document. */
    private final int[] lastDocument;
    /** Per column, its count in this document (count and tf-idf only). */
    private final int[] inDocument;
    private final ColumnValues values;
    private int document;
    private int[] found = new int[256];
    private int count;

    ColumnLookup(VectorizerConfig config, List<String> vocabulary, ColumnValues values) {
        this.tokenizer = new DocTokenizer(config);
        for (String token : vocabulary) {
            byte[] b = token.getBytes(StandardCharsets.UTF_8);
            table.idOf(b, b.length, ByteTokenTable.hash(b, b.length));
        }
        this.lastDocument = new int[vocabulary.size()];
        this.values = values;
        this.inDocument = values.ones() ? null : new int[vocabulary.size()];
    }

    DocVector vectorOf(LabelledDoc doc) {
        start();
        tokenizer.forEachToken(doc, this);
        return sorted();
    }

    DocVector vectorOf(String text) {
        start();
        tokenizer.forEachToken(text, this);
        return sorted();
    }

    private void start() {
        count = 0;
        if (++document == Integer.MAX_VALUE) { // the stamps wrap: forget them
            Arrays.fill(lastDocument, 0);
            document = 1;
        }
    }

    private DocVector sorted() {
        int[] columns = Arrays.copyOf(found, count);
        Arrays.sort(columns);
        if (inDocument == null) {
            return DocVector.ones(columns);
        }
        float[] vs = new float[count];
        for (int k = 0; k < count; k++) {
            vs[k] = values.of(columns[k], inDocument[columns[k]]);
        }
        return new DocVector(columns, vs);
    }

    @Override
    public void accept(byte[] token, int length, int hash) {
        int column = table.find(token, length, hash);
        if (column >= 0 && lastDocument[column] != document) {
            lastDocument[column] = document;
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = column;
            if (inDocument != null) {
                inDocument[column] = 1;
            }
        } else if (column >= 0 && inDocument != null) {
            inDocument[column]++;
        }
    }
}
