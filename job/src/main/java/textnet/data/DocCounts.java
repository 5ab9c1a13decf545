package textnet.data;

import org.apache.spark.api.java.JavaRDD;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Documents per split and label, and how many needed repair: counted in one pass over a
 * {@link Corpus} (partition by partition, then merged), and checked on the driver ({@link Corpus#checked}).
 * Counted per document of a run, so a label's counts are one array (a slot per split) found by one
 * hash lookup.
 */
public final class DocCounts implements Serializable {

    private final Map<String, long[]> perLabel = new HashMap<>();
    private final long[] repaired = new long[Split.values().length];

    /** Counts of {@code docs} in one Spark job (tests and small sources; vectorizing counts in its own pass). */
    public static DocCounts of(JavaRDD<LabelledDoc> docs) {
        return docs.aggregate(new DocCounts(), DocCounts::add, DocCounts::merge);
    }

    public static DocCounts add(DocCounts counts, LabelledDoc doc) {
        counts.perLabel.computeIfAbsent(doc.label(), l -> new long[Split.values().length])[doc.split().ordinal()]++;
        counts.repaired[doc.split().ordinal()] += doc.repaired() ? 1 : 0;
        return counts;
    }

    public static DocCounts merge(DocCounts a, DocCounts b) {
        b.perLabel.forEach((label, n) -> {
            long[] sum = a.perLabel.computeIfAbsent(label, l -> new long[Split.values().length]);
            for (int s = 0; s < sum.length; s++) {
                sum[s] += n[s];
            }
        });
        for (int i = 0; i < a.repaired.length; i++) {
            a.repaired[i] += b.repaired[i];
        }
        return a;
    }

    public long count(Split split, String label) {
        long[] n = perLabel.get(label);
        return n == null ? 0 : n[split.ordinal()];
    }

    long total() {
        long sum = 0;
        for (long[] n : perLabel.values()) {
            for (long v : n) {
                sum += v;
            }
        }
        return sum;
    }

    public long total(Split split) {
        long sum = 0;
        for (long[] n : perLabel.values()) {
            sum += n[split.ordinal()];
        }
        return sum;
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
        perLabel.forEach((label, n) -> {
            if (n[split.ordinal()] > 0) {
                labels.add(label);
            }
        });
        return labels;
    }
}
