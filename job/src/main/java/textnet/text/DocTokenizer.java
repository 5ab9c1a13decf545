package textnet.text;

import textnet.config.VectorizerConfig;
import textnet.data.LabelledDoc;

import java.nio.charset.StandardCharsets;

/**
 * A document's tokens as UTF-8 bytes, however it was read: with the default token pattern straight
 * from the bytes by {@link Utf8Tokenizer} (a String text is encoded first, which the JDK does fast),
 * with another pattern by {@link Tokenizer}'s regular expression, each token then encoded. Both give
 * {@link Tokenizer}'s tokens, then (with {@code vectorizer.ngrams} N above 1) each followed by the
 * n-grams of up to N tokens that end with it ({@link NGrams}). One per task: it keeps buffers.
 */
final class DocTokenizer {

    private final Utf8Tokenizer bytes;
    private final Tokenizer strings;
    /** {@code vectorizer.ngrams} above 1: each token is followed by the n-grams ending with it. */
    private final NGrams ngrams;

    DocTokenizer(VectorizerConfig config) {
        this.bytes = config.tokenPattern().equals(Tokenizer.DEFAULT_PATTERN) ? new Utf8Tokenizer(config.lowercase()) : null;
        this.strings = bytes == null ? new Tokenizer(config) : null;
        this.ngrams = config.ngrams() > 1 ? new NGrams(config.ngrams()) : null;
    }

    void forEachToken(LabelledDoc doc, Utf8Tokenizer.TokenConsumer action) {
        forEachWord(doc, withNGrams(action));
    }

    void forEachToken(String text, Utf8Tokenizer.TokenConsumer action) {
        forEachWord(text, withNGrams(action));
    }

    /** For a new document: {@code action}, or with n-grams a consumer that also hands it the n-grams. */
    private Utf8Tokenizer.TokenConsumer withNGrams(Utf8Tokenizer.TokenConsumer action) {
        if (ngrams == null) {
            return action;
        }
        ngrams.start();
        return (token, length, hash) -> ngrams.accept(token, length, hash, action);
    }

    /** The tokenizer's own tokens (words), without n-grams. */
    private void forEachWord(LabelledDoc doc, Utf8Tokenizer.TokenConsumer action) {
        byte[] utf8 = doc.utf8();
        if (utf8 != null && bytes != null) {
            bytes.forEachToken(utf8, 0, utf8.length, action);
        } else {
            forEachWord(doc.text(), action);
        }
    }

    private void forEachWord(String text, Utf8Tokenizer.TokenConsumer action) {
        if (bytes != null) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            bytes.forEachToken(utf8, 0, utf8.length, action);
            return;
        }
        strings.forEachToken(text, token -> {
            byte[] b = token.getBytes(StandardCharsets.UTF_8);
            action.accept(b, b.length, ByteTokenTable.hash(b, b.length));
        });
    }
}
