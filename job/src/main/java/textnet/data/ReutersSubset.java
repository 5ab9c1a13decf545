package textnet.data;

import textnet.JobException;
import textnet.config.ReutersSubsetName;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ModApte subsets of Reuters-21578: documents with {@code TOPICS="YES"} and {@code LEWISSPLIT}
 * TRAIN or TEST. Their categories are the topics that occur in both splits.
 * <ul>
 * <li>R52 and R8 (Cardoso-Cachopo's, single-label): documents with exactly one topic, kept when it is a
 * category; R8 further keeps the eight most frequent of those topics.</li>
 * <li>R90 (the multi-label benchmark): documents with at least one topic, every topic counting for the
 * categories (90 of them); a document is kept when it has a category, its label the set of its
 * categories ({@link LabelSet}).</li>
 * </ul>
 */
enum ReutersSubset {
    R52(ReutersSubsetName.R52, null),
    R8(ReutersSubsetName.R8, Set.of("acq", "crude", "earn", "grain", "interest", "money-fx", "ship", "trade")),
    R90(ReutersSubsetName.R90, null);

    /** Its config name, which also says whether a document keeps all its topics (R90). */
    private final ReutersSubsetName configName;
    /** null: every topic that occurs in both splits. */
    private final Set<String> topics;

    ReutersSubset(ReutersSubsetName configName, Set<String> topics) {
        this.configName = configName;
        this.topics = topics;
    }

    static ReutersSubset named(String name) {
        if (name == null) {
            return R52;
        }
        for (ReutersSubset s : values()) {
            if (s.configName.key().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw JobException.config("config key 'data.subset': '" + name + "' is not one of "
                + String.join(", ", ReutersSubsetName.NAMES));
    }

    /**
     * The split of a candidate document of this subset (ModApte, with one topic or, for R90, at least
     * one), or null when the document is in no split of it. Every topic of a candidate counts towards
     * the categories.
     */
    Split splitOf(ReutersDocument d) {
        int n = d.topics().size();
        if (!"YES".equals(d.topicsAttribute()) || (configName.multiLabel() ? n == 0 : n != 1)) {
            return null;
        }
        return switch (d.lewisSplit()) {
            case "TRAIN" -> Split.TRAIN;
            case "TEST" -> Split.TEST;
            default -> null;
        };
    }

    /** Whether a topic that occurs in both splits is one of this subset's categories. */
    boolean keeps(String topic) {
        return topics == null || topics.contains(topic);
    }

    /**
     * A candidate's label given the subset's categories, or null when the document is not kept: its one
     * topic (R52, R8), or the set of its topics that are categories (R90; {@code where} names the
     * document should a topic not fit in a set).
     */
    String labelOf(ReutersDocument d, Set<String> categories, String where) {
        if (!configName.multiLabel()) {
            String topic = d.topics().get(0);
            return categories.contains(topic) ? topic : null;
        }
        List<String> kept = new ArrayList<>();
        for (String topic : d.topics()) {
            if (categories.contains(topic)) {
                kept.add(topic);
            }
        }
        return kept.isEmpty() ? null : LabelSet.join(kept, where);
    }

    /** How the error for a source without documents of this subset describes them. */
    String rule() {
        return configName.multiLabel() ? "TOPICS=\"YES\", at least one topic found in both LEWISSPLIT TRAIN and TEST"
                : "TOPICS=\"YES\", one topic, a topic found in both LEWISSPLIT TRAIN and TEST";
    }
}
