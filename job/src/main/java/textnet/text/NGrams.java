package textnet.text;

/**
 * Keras's {@code TextVectorization(ngrams=N)}: a document's tokens, and after each token the n-grams
 * of 2 .. N tokens that end with it, their tokens joined by one space ({@code "not good"}), so an
 * n-gram is one more token to count, keep in the vocabulary and look up (the default token pattern
 * never yields a space inside a token, so no n-gram reads as another's tokens). Start each document
 * with {@link #start}: n-grams never span two documents. One per task: it keeps buffers.
 */
final class NGrams {

    private final int n;
    /** The last {@code n - 1} tokens, as a ring: token {@code i} of the document is at {@code i % (n - 1)}. */
    private final byte[][] previous;
    private final int[] previousLength;
    private int tokens;
    /** The n-gram handed to the consumer: reused, as the tokenizer reuses its token buffer. */
    private byte[] gram = new byte[128];

    /** @param n the longest n-gram, at least 2 */
    NGrams(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("n-grams of up to " + n + " tokens: use the tokens themselves");
        }
        this.n = n;
        this.previous = new byte[n - 1][64];
        this.previousLength = new int[n - 1];
    }

    /** A new document: what came before ends here. */
    void start() {
        tokens = 0;
    }

    /** Passes {@code token}, then each n-gram ending with it (2 tokens, 3, ... up to n), to {@code action}. */
    void accept(byte[] token, int length, int hash, Utf8Tokenizer.TokenConsumer action) {
        action.accept(token, length, hash);
        int gramLength = length;
        for (int k = 1; k < n && k <= tokens; k++) {
            gramLength += previousLength[slotOf(tokens - k)] + 1;
            if (gram.length < gramLength) {
                gram = new byte[Math.max(gramLength, 2 * gram.length)];
            }
            int at = 0;
            for (int j = k; j >= 1; j--) {
                int slot = slotOf(tokens - j);
                System.arraycopy(previous[slot], 0, gram, at, previousLength[slot]);
                at += previousLength[slot];
                gram[at++] = ' ';
            }
            System.arraycopy(token, 0, gram, at, length);
            action.accept(gram, gramLength, ByteTokenTable.hash(gram, gramLength));
        }
        int slot = slotOf(tokens);
        if (previous[slot].length < length) {
            previous[slot] = new byte[Math.max(length, 2 * previous[slot].length)];
        }
        System.arraycopy(token, 0, previous[slot], 0, length);
        previousLength[slot] = length;
        tokens++;
    }

    private int slotOf(int tokenIndex) {
        return tokenIndex % (n - 1);
    }
}
