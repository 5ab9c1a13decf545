package textnet.text;

import textnet.config.VectorizerConfig;
import textnet.data.DocCounts;
import textnet.data.LabelledDoc;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The vectorizer's first pass over one partition of documents: how often each token occurs in the
 * fitting documents (the vocabulary is the most frequent), their labels (the classes), and the
 * documents per split and label ({@link DocCounts}, which the corpus's format checks). Partitions'
 * counts are summed pairwise by {@code treeReduce}; no text leaves the partition.
 */
final class PartitionCounts implements Serializable {

    private final TokenCounts tokens;
    private final Set<String> fitLabels;
    private final DocCounts docs;
    private final long[] rowsPerPartition;

    private PartitionCounts(TokenCounts tokens, Set<String> fitLabels, DocCounts docs, long[] rowsPerPartition) {
        this.tokens = tokens;
        this.fitLabels = fitLabels;
        this.docs = docs;
        this.rowsPerPartition = rowsPerPartition;
    }

    /** @param partitionOf where the document's row will be dealt ({@code role * replicas + replica}), of {@code partitions} */
    static PartitionCounts of(Iterator<LabelledDoc> documents, VectorizerConfig config, Role.Of roleOf,
                              java.util.function.ToIntFunction<LabelledDoc> partitionOf, int partitions) {
        TokenCounter counter = new TokenCounter(config);
        Set<String> fitLabels = new TreeSet<>();
        DocCounts docs = new DocCounts();
        long[] rows = new long[partitions];
        while (documents.hasNext()) {
            LabelledDoc doc = documents.next();
            DocCounts.add(docs, doc);
            rows[partitionOf.applyAsInt(doc)]++;
            if (roleOf.of(doc) == Role.FIT) {
                counter.add(doc);
                fitLabels.add(doc.label());
            }
        }
        return new PartitionCounts(counter.counts(), fitLabels, docs, rows);
    }

    static PartitionCounts plus(PartitionCounts a, PartitionCounts b) {
        Set<String> labels = new TreeSet<>(a.fitLabels);
        labels.addAll(b.fitLabels);
        long[] rows = a.rowsPerPartition.clone();
        for (int i = 0; i < rows.length; i++) {
            rows[i] += b.rowsPerPartition[i];
        }
        return new PartitionCounts(TokenCounts.plus(a.tokens, b.tokens), labels,
                DocCounts.merge(DocCounts.merge(new DocCounts(), a.docs), b.docs), rows);
    }

    /** Rows each partition of the dealt rows will hold. */
    long[] rowsPerPartition() {
        return rowsPerPartition;
    }

    TokenCounts tokens() {
        return tokens;
    }

    Set<String> fitLabels() {
        return fitLabels;
    }

    DocCounts docs() {
        return docs;
    }
}
