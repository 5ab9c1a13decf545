package textnet.text;

import textnet.config.VectorizerConfig;

import java.io.Serializable;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Keras-like tokens: lowercase (Locale.ROOT), then split on {@code vectorizer.token-pattern}, empty
 * tokens dropped — the same tokens as Spark ML's {@code RegexTokenizer(gaps = true)}. The default
 * pattern {@code [^a-z0-9']+} is matched by a table lookup per character instead of a regex: the
 * tokenizer runs over every document twice per run and was the slowest step of vectorizing.
 */
public final class Tokenizer implements Serializable {

    public static final String DEFAULT_PATTERN = "[^a-z0-9']+";

    private final boolean lowercase;
    private final String pattern;
    private transient Pattern compiled;

    public Tokenizer(VectorizerConfig config) {
        this.lowercase = config.lowercase();
        this.pattern = config.tokenPattern();
    }

    /** Receives a token as the range {@code [start, end)} of a string, so it need not be copied out. */
    @FunctionalInterface
    public interface RangeConsumer {
        void accept(String text, int start, int end);
    }

    public void forEachToken(String text, Consumer<String> action) {
        forEachTokenRange(text, (s, start, end) -> action.accept(s.substring(start, end)));
    }

    /** The same tokens as {@link #forEachToken}, as ranges of the (lowercased) text. */
    public void forEachTokenRange(String text, RangeConsumer action) {
        String s = lowercase ? text.toLowerCase(Locale.ROOT) : text;
        if (pattern.equals(DEFAULT_PATTERN)) {
            splitOnNonTokenChars(s, action);
        } else {
            if (compiled == null) {
                compiled = Pattern.compile(pattern);
            }
            for (String token : compiled.split(s)) {
                if (!token.isEmpty()) {
                    action.accept(token, 0, token.length());
                }
            }
        }
    }

    /** Tokens are maximal runs of a-z, 0-9 and the apostrophe. */
    private static void splitOnNonTokenChars(String s, RangeConsumer action) {
        int start = -1;
        for (int i = 0, n = s.length(); i < n; i++) {
            if (isTokenChar(s.charAt(i))) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                action.accept(s, start, i);
                start = -1;
            }
        }
        if (start >= 0) {
            action.accept(s, start, s.length());
        }
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'';
    }
}
