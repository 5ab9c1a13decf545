package textnet.config;

import java.util.Arrays;
import java.util.List;

/**
 * {@code data.labels}: whether a document has one class ({@code single}), a set of classes
 * ({@code multi}, textnet.data.LabelSet), or what its data says ({@code auto}: multi for a
 * multi-label Reuters subset, {@link ReutersSubsetName#multiLabel}, else single).
 */
public enum LabelKind {
    AUTO("auto"),
    SINGLE("single"),
    MULTI("multi");

    public static final List<String> NAMES = Arrays.stream(values()).map(LabelKind::key).toList();

    private final String key;

    LabelKind(String key) {
        this.key = key;
    }

    /** The name a config file uses. */
    public String key() {
        return key;
    }

    /** The kind {@code name} names; null is {@code auto} (a validated config's names only). */
    public static LabelKind of(String name) {
        for (LabelKind k : values()) {
            if (k.key.equals(name == null ? AUTO.key : name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown data.labels '" + name + "'");
    }
}
