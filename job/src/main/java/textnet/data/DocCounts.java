package textnet.data;

import org.apache.spark.api.java.JavaRDD;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Documents per split and label, and how many needed repair: counted in one pass over a
 * {@link Corpus} (partition by partition, then merged), and checked on the driver ({@link Corpus#checked}).
 */
public final class DocCounts implements Serializable {

    private final Map<String, Long> perSplitAndLabel = new TreeMap<>();
    private final long[] repaired = new long[Split.values().length];

    /** Counts of {@code docs} in one Spark job (tests and small sources; vectorizing counts in its own pass). */
    public static DocCounts of(JavaRDD<LabelledDoc> docs) {
        return docs.aggregate(new DocCounts(), DocCounts::add, DocCounts::merge);
    }

    public static DocCounts add(DocCounts counts, LabelledDoc doc) {
        counts.perSplitAndLabel.merge(key(doc.split(), doc.label()), 1L, Long::sum);
        counts.repaired[doc.split().ordinal()] += doc.repaired() ? 1 : 0;
        return counts;
    }

    public static DocCounts merge(DocCounts a, DocCounts b) {
        b.perSplitAndLabel.forEach((k, v) -> a.perSplitAndLabel.merge(k, v, Long::sum));
        for (int i = 0; i < a.repaired.length; i++) {
            a.repaired[i] += b.repaired[i];
        }
        return a;
    }

    private static String key(Split split, String label) {
        return split.folder() + "/" + label;
    }

    public long count(Split split, String label) {
        return perSplitAndLabel.getOrDefault(key(split, label), 0L);
    }

    long total() {
        return perSplitAndLabel.values().stream().mapToLong(Long::longValue).sum();
    }

    public long total(Split split) {
        String prefix = split.folder() + "/";
        return perSplitAndLabel.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue).sum();
    }

    long repaired() {
        long sum = 0;
        for (long r : repaired) {
            sum += r;
        }
        return sum;
    }

    long repaired(Split split) {
        return repaired[split.ordinal()];
    }

    /** The labels with at least one document in the split, sorted. */
    public Set<String> labels(Split split) {
        Set<String> labels = new TreeSet<>();
        String prefix = split.folder() + "/";
        perSplitAndLabel.keySet().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> labels.add(k.substring(prefix.length())));
        return labels;
    }
}
