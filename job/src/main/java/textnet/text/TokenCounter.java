package textnet.text;

import textnet.config.VectorizerConfig;
import textnet.data.LabelledDoc;

import java.util.Arrays;

/**
 * Counts every occurrence of every token of the documents it is given (Keras's {@code Tokenizer} word
 * counts) and the documents each is in, one partition at a time: tokens are interned by {@link ByteTokenTable} as bytes, so a
 * token already seen costs no String.
 */
final class TokenCounter implements Utf8Tokenizer.TokenConsumer {

    private final ByteTokenTable table = new ByteTokenTable();
    private final DocTokenizer tokenizer;
    private long[] occurrences = new long[1024];
    /** The documents each token is in, and 1 + the last one it was seen in. */
    private long[] documents = new long[1024];
    private int[] lastDocument = new int[1024];
    private int document;

    TokenCounter(VectorizerConfig config) {
        this.tokenizer = new DocTokenizer(config);
    }

    void add(LabelledDoc doc) {
        document++;
        tokenizer.forEachToken(doc, this);
    }

    void add(String text) {
        document++;
        tokenizer.forEachToken(text, this);
    }

    @Override
    public void accept(byte[] token, int length, int hash) {
        int id = table.idOf(token, length, hash);
        if (id == occurrences.length) {
            occurrences = Arrays.copyOf(occurrences, id * 2);
            documents = Arrays.copyOf(documents, id * 2);
            lastDocument = Arrays.copyOf(lastDocument, id * 2);
        }
        occurrences[id]++;
        if (lastDocument[id] != document) {
            lastDocument[id] = document;
            documents[id]++;
        }
    }

    TokenCounts counts() {
        String[] tokens = new String[table.size()];
        Arrays.setAll(tokens, table::token);
        return new TokenCounts(tokens, Arrays.copyOf(occurrences, tokens.length), Arrays.copyOf(documents, tokens.length));
    }
}
