package textnet.text;

import textnet.data.DocCounts;

import java.io.Serializable;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The vectorizer's first pass over one split of documents ({@link TokenizedSplit}): how often each
 * token occurs in the fitting documents (the vocabulary is the most frequent), their labels (the
 * classes) and how many there are of each ({@code balanced} class weights), the documents per split and label ({@link DocCounts}, which the corpus's format checks),
 * and the rows each partition of the dealt rows will get. Splits' counts are summed pairwise by
 * {@code treeReduce}, less their tokens' ({@link #withoutTokens}: {@link TopTokens} sums those by a
 * shuffle); no text leaves the split.
 */
final class PartitionCounts implements Serializable {

    private final TokenCounts tokens;
    private final SortedMap<String, Long> fitLabels;
    private final DocCounts docs;
    private final long[] rowsPerPartition;

    PartitionCounts(TokenCounts tokens, SortedMap<String, Long> fitLabels, DocCounts docs, long[] rowsPerPartition) {
        this.tokens = tokens;
        this.fitLabels = fitLabels;
        this.docs = docs;
        this.rowsPerPartition = rowsPerPartition;
    }


    static PartitionCounts plus(PartitionCounts a, PartitionCounts b) {
        SortedMap<String, Long> labels = new TreeMap<>(a.fitLabels);
        b.fitLabels.forEach((label, n) -> labels.merge(label, n, Long::sum));
        long[] rows = a.rowsPerPartition.clone();
        for (int i = 0; i < rows.length; i++) {
            rows[i] += b.rowsPerPartition[i];
        }
        return new PartitionCounts(TokenCounts.plus(a.tokens, b.tokens), labels,
                DocCounts.merge(DocCounts.merge(new DocCounts(), a.docs), b.docs), rows);
    }

    /** These counts less the tokens' (which {@link TopTokens} sums apart, by a shuffle). */
    PartitionCounts withoutTokens() {
        return new PartitionCounts(new TokenCounts(new String[0], new long[0], new long[0]), fitLabels, docs,
                rowsPerPartition);
    }

    /** Rows each partition of the dealt rows will hold. */
    long[] rowsPerPartition() {
        return rowsPerPartition;
    }

    TokenCounts tokens() {
        return tokens;
    }

    /** The fitting documents' labels, sorted. */
    Set<String> fitLabels() {
        return fitLabels.keySet();
    }

    /** Fitting documents of each label. */
    SortedMap<String, Long> fitLabelCounts() {
        return fitLabels;
    }

    DocCounts docs() {
        return docs;
    }
}
