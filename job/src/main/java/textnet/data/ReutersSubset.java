package textnet.data;

import textnet.JobException;
import textnet.config.ConfigValidator;

import java.util.Set;

/**
 * The single-label ModApte subsets of Reuters-21578 (Cardoso-Cachopo's R52 and R8): documents with
 * {@code TOPICS="YES"}, exactly one topic and {@code LEWISSPLIT} TRAIN or TEST, keeping only topics
 * that occur in both splits; R8 further keeps the eight most frequent of those topics.
 */
enum ReutersSubset {
    R52(null),
    R8(Set.of("acq", "crude", "earn", "grain", "interest", "money-fx", "ship", "trade"));

    /** null: every topic that occurs in both splits. */
    private final Set<String> topics;

    ReutersSubset(Set<String> topics) {
        this.topics = topics;
    }

    static ReutersSubset named(String name) {
        if (name == null) {
            return R52;
        }
        for (ReutersSubset s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw JobException.config("config key 'data.subset': '" + name + "' is not one of "
                + String.join(", ", ConfigValidator.SUBSETS));
    }

    /** The split of a single-topic ModApte document, or null when the document is in no subset. */
    static Split splitOf(ReutersDocument d) {
        if (!"YES".equals(d.topicsAttribute()) || d.topics().size() != 1) {
            return null;
        }
        return switch (d.lewisSplit()) {
            case "TRAIN" -> Split.TRAIN;
            case "TEST" -> Split.TEST;
            default -> null;
        };
    }

    /** Whether a topic that occurs in both splits belongs to this subset. */
    boolean keeps(String topic) {
        return topics == null || topics.contains(topic);
    }
}
