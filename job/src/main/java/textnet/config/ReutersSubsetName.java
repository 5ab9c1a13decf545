package textnet.config;

import java.util.Arrays;
import java.util.List;

/**
 * {@code data.subset}: the ModApte subsets of Reuters-21578 that textnet reads (textnet.data's
 * ReutersSubset says which documents and topics each keeps), with their config names and whether a
 * document keeps all its topics (r90: multi-label) rather than having exactly one.
 */
public enum ReutersSubsetName {
    R52("r52", false),
    R8("r8", false),
    R90("r90", true);

    public static final List<String> NAMES = Arrays.stream(values()).map(ReutersSubsetName::key).toList();

    private final String key;
    private final boolean multiLabel;

    ReutersSubsetName(String key, boolean multiLabel) {
        this.key = key;
        this.multiLabel = multiLabel;
    }

    /** The name a config file uses. */
    public String key() {
        return key;
    }

    /** Whether a document keeps all its topics, a set of classes, rather than having exactly one. */
    public boolean multiLabel() {
        return multiLabel;
    }

    /** The subset named {@code key} (validated configs only: {@link ConfigValidator} checks the name). */
    public static ReutersSubsetName of(String key) {
        for (ReutersSubsetName s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown data.subset '" + key + "'");
    }
}
