package textnet.io;

import textnet.config.OutputMode;
import textnet.config.VectorizerConfig;
import textnet.text.TextVectorizer;
import textnet.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The vectorizer as ONNX nodes, from raw strings to the rows the network reads: ONNX's
 * {@code StringNormalizer} lowercases, ONNX Runtime's {@code Tokenizer} splits on the token pattern
 * (RE2, as separators: the text between matches, empty tokens dropped), and ONNX's
 * {@code TfIdfVectorizer} counts the vocabulary's tokens and n-grams per document into their
 * columns (a padding token never counts: it is empty, and no token is); multi-hot takes the sign of
 * the count, count keeps it, tf-idf multiplies it by the column's inverse document frequency.
 */
final class OnnxVectorizer {

    /**
     * The C library locale {@code StringNormalizer} lowercases in: present on Debian and most Linux
     * images, where ONNX's default {@code en_US.UTF-8} often is not (it is missing on the machine
     * textnet is built on). A system without it refuses to load the text graph.
     */
    static final String LOCALE = "C.UTF-8";
    /**
     * What Java's regular expressions do that RE2 does not do the same way (lookaround, back
     * references, possessive and lazy quantifiers, alternation, which RE2 matches leftmost-longest
     * here, and Java-only classes): a token pattern using any of these keeps only the vector graph.
     */
    private static final Pattern NOT_RE2 = Pattern.compile(
            "\\(\\?[=!<>]|\\\\[1-9]|\\\\k<|[*+?}][+?]|\\||\\\\p\\{[Jj]ava|\\\\[GZzRXhHvV]|\\(\\?[a-zA-Z]");

    private OnnxVectorizer() {
    }

    /** Why the vectorizer has no exact ONNX form, or null when it has one. */
    static String whyNotExact(VectorizerConfig config) {
        String pattern = config.tokenPattern();
        if (pattern.equals(Tokenizer.DEFAULT_PATTERN)) {
            return null;
        }
        if (NOT_RE2.matcher(pattern).find()) {
            return "the token pattern " + pattern + " uses Java regular-expression features RE2 reads differently"
                    + " (lookaround, back references, possessive or lazy quantifiers, alternation, inline flags)";
        }
        if (Pattern.compile(pattern).matcher("").matches()) {
            return "the token pattern " + pattern + " matches the empty string, where ONNX Runtime's Tokenizer"
                    + " and Java split differently";
        }
        if (config.ngrams() > 1 && !Pattern.compile(pattern).matcher(" ").matches()) {
            return "with n-grams, the token pattern " + pattern + " must split on a space: n-grams are tokens"
                    + " joined by one, and a token with a space inside would read as an n-gram";
        }
        return null;
    }

    /**
     * Adds the nodes from the value {@code text} ({@code [N]} strings) to a {@code [N, columns]}
     * float value, whose name is returned. The caller checked {@link #whyNotExact}.
     */
    static String addTo(OnnxGraph graph, TextVectorizer vectorizer, String text) {
        VectorizerConfig config = vectorizer.config();
        String strings = text;
        if (config.lowercase()) {
            strings = graph.node("StringNormalizer", List.of(strings),
                    OnnxGraph.attribute("case_change_action", "LOWER"), OnnxGraph.attribute("is_case_sensitive", 1),
                    OnnxGraph.attribute("locale", LOCALE));
        }
        String tokens = graph.node(OnnxGraph.MICROSOFT_DOMAIN, "Tokenizer", List.of(strings),
                OnnxGraph.attribute("mark", 0), OnnxGraph.attribute("mincharnum", 1),
                OnnxGraph.attribute("pad_value", ""), OnnxGraph.strings("separators", List.of(config.tokenPattern())));
        String counts = graph.node("TfIdfVectorizer", List.of(tokens), pool(vectorizer).attributes());
        OutputMode mode = config.mode();
        return switch (mode) {
            case MULTI_HOT -> graph.node("Sign", List.of(counts));
            case COUNT -> counts;
            case TF_IDF -> {
                float[] idf = vectorizer.values().idf();
                yield graph.node("Mul", List.of(counts, graph.floats("idf", idf, idf.length)));
            }
        };
    }

    /**
     * The vocabulary as {@code TfIdfVectorizer} holds it: its entries grouped by length (all single
     * tokens, then all 2-grams, ...), each n-gram as its n tokens in a row, with its column.
     */
    private static Pool pool(TextVectorizer vectorizer) {
        boolean ngrams = vectorizer.config().ngrams() > 1;
        List<String[]> entries = new ArrayList<>();
        int longest = 1;
        for (String token : vectorizer.vocabulary().tokens()) {
            String[] parts = ngrams ? token.split(" ", -1) : new String[]{token};
            entries.add(parts);
            longest = Math.max(longest, parts.length);
        }
        List<String> strings = new ArrayList<>();
        long[] starts = new long[longest];
        long[] columns = new long[entries.size()];
        int next = 0;
        for (int n = 1; n <= longest; n++) {
            starts[n - 1] = strings.size();
            for (int column = 0; column < entries.size(); column++) {
                if (entries.get(column).length == n) {
                    strings.addAll(List.of(entries.get(column)));
                    columns[next++] = column;
                }
            }
        }
        return new Pool(strings, starts, columns, longest);
    }

    private record Pool(List<String> strings, long[] starts, long[] columns, int longest) {
        ai.onnx.proto.OnnxMl.AttributeProto[] attributes() {
            return new ai.onnx.proto.OnnxMl.AttributeProto[]{
                    OnnxGraph.attribute("mode", "TF"), OnnxGraph.attribute("min_gram_length", 1),
                    OnnxGraph.attribute("max_gram_length", longest), OnnxGraph.attribute("max_skip_count", 0),
                    OnnxGraph.strings("pool_strings", strings), OnnxGraph.ints("ngram_counts", starts),
                    OnnxGraph.ints("ngram_indexes", columns)};
        }
    }
}
