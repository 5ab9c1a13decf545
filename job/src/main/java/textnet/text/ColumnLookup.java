package textnet.text;

import java.util.Arrays;
import java.util.List;

/**
 * A text's multi-hot columns: its tokens looked up in the vocabulary as ranges of the text (no
 * String per token), out-of-vocabulary tokens dropped, the columns sorted and distinct. One per task,
 * built from the vocabulary's tokens (column i is token i): it keeps buffers, so it is not shared
 * between threads (a broadcast value is: tasks of one executor see the same object).
 */
final class ColumnLookup implements Tokenizer.RangeConsumer {

    private final Tokenizer tokenizer;
    private final TokenTable table = new TokenTable();
    private int[] found = new int[256];
    private int count;

    ColumnLookup(Tokenizer tokenizer, List<String> vocabulary) {
        this.tokenizer = tokenizer;
        for (String token : vocabulary) {
            table.idOf(token, 0, token.length());
        }
    }

    int[] columnsOf(String text) {
        count = 0;
        tokenizer.forEachTokenRange(text, this);
        Arrays.sort(found, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || found[i] != found[i - 1]) {
                found[distinct++] = found[i];
            }
        }
        return Arrays.copyOf(found, distinct);
    }

    @Override
    public void accept(String text, int start, int end) {
        int column = table.find(text, start, end);
        if (column >= 0) {
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = column;
        }
    }
}
