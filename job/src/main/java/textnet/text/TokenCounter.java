package textnet.text;

import java.util.Arrays;

/**
 * Counts every occurrence of every token of the texts it is given (Keras's {@code Tokenizer} word
 * counts), one partition at a time: tokens are interned by {@link TokenTable} as ranges of the text,
 * so a token already seen costs no String.
 */
final class TokenCounter implements Tokenizer.RangeConsumer {

    private final TokenTable table = new TokenTable();
    private final Tokenizer tokenizer;
    private long[] occurrences = new long[1024];

    TokenCounter(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    void add(String text) {
        tokenizer.forEachTokenRange(text, this);
    }

    @Override
    public void accept(String text, int start, int end) {
        int id = table.idOf(text, start, end);
        if (id == occurrences.length) {
            occurrences = Arrays.copyOf(occurrences, id * 2);
        }
        occurrences[id]++;
    }

    TokenCounts counts() {
        String[] tokens = new String[table.size()];
        Arrays.setAll(tokens, table::token);
        return new TokenCounts(tokens, Arrays.copyOf(occurrences, tokens.length));
    }
}
