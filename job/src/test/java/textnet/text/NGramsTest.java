package textnet.text;

import org.junit.jupiter.api.Test;
import textnet.config.VectorizerConfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keras's ngrams: each token, then the n-grams ending with it; never across documents; both tokenizers alike. */
class NGramsTest {

    private static List<String> tokens(DocTokenizer tokenizer, String text) {
        List<String> out = new ArrayList<>();
        tokenizer.forEachToken(text, (bytes, length, hash) -> {
            assertEquals(ByteTokenTable.hash(bytes, length), hash, "the hash of the bytes handed over");
            out.add(new String(bytes, 0, length, StandardCharsets.UTF_8));
        });
        return out;
    }

    @Test
    void tokensThenTheNGramsEndingWithThem() {
        DocTokenizer bigrams = new DocTokenizer(new VectorizerConfig(10, true, Tokenizer.DEFAULT_PATTERN, 2));
        assertEquals(List.of("not", "good", "not good", "at", "good at", "all", "at all"), tokens(bigrams, "Not good, at ALL!"));
        // a new document starts afresh: no n-gram joins its first token to the last one's
        assertEquals(List.of("fine", "film", "fine film"), tokens(bigrams, "fine film"));

        DocTokenizer trigrams = new DocTokenizer(new VectorizerConfig(10, true, Tokenizer.DEFAULT_PATTERN, 3));
        assertEquals(List.of("a", "b", "a b", "c", "b c", "a b c", "d", "c d", "b c d"), tokens(trigrams, "a b c d"));
        assertEquals(List.of("only"), tokens(trigrams, "only"));
        assertEquals(List.of(), tokens(trigrams, "  ,, "));
    }

    @Test
    void longTokensAndTheRegexTokenizerGiveTheSameNGrams() {
        String text = "x".repeat(300) + " y " + "z".repeat(100) + " it's";
        DocTokenizer bytes = new DocTokenizer(new VectorizerConfig(10, true, Tokenizer.DEFAULT_PATTERN, 3));
        DocTokenizer regex = new DocTokenizer(new VectorizerConfig(10, true, "[^a-z0-9']+|\\s+", 3));
        List<String> expected = tokens(bytes, text);
        assertEquals(expected, tokens(regex, text));
        assertEquals("x".repeat(300) + " y " + "z".repeat(100), expected.get(5));
        assertEquals(9, expected.size());
    }

    @Test
    void oneMeansTheTokensOnly() {
        DocTokenizer words = new DocTokenizer(new VectorizerConfig(10, true, Tokenizer.DEFAULT_PATTERN, 1));
        assertEquals(List.of("not", "good"), tokens(words, "not good"));
    }
}
