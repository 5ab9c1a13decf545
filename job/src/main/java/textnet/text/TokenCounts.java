package textnet.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import scala.Tuple2;

/**
 * How often each token occurs, and (for tf-idf) in how many documents, as parallel arrays: one per
 * partition, summed pairwise by {@code treeReduce}. Compact on the wire (a partition of IMDB has ~120,000 distinct tokens), and
 * adding two is one hash map over the smaller side's tokens.
 */
final class TokenCounts implements Serializable {

    private final String[] tokens;
    private final long[] counts;
    /** Documents that have each token; null when not counted (only tf-idf needs them). */
    private final long[] documents;

    TokenCounts(String[] tokens, long[] counts) {
        this(tokens, counts, null);
    }

    TokenCounts(String[] tokens, long[] counts, long[] documents) {
        this.tokens = tokens;
        this.counts = counts;
        this.documents = documents;
    }

    static TokenCounts plus(TokenCounts a, TokenCounts b) {
        return sum(List.of(a, b).iterator());
    }

    /**
     * These counts cut into {@code n} shares by token (share {@code floorMod(token.hashCode(), n)}):
     * share i of every split goes to the same task, which then holds a 1/n share of the distinct tokens.
     */
    TokenCounts[] shares(int n) {
        int[] shareOf = new int[tokens.length];
        int[] sizes = new int[n];
        for (int i = 0; i < tokens.length; i++) {
            shareOf[i] = Math.floorMod(tokens[i].hashCode(), n);
            sizes[shareOf[i]]++;
        }
        TokenCounts[] shares = new TokenCounts[n];
        for (int s = 0; s < n; s++) {
            shares[s] = new TokenCounts(new String[sizes[s]], new long[sizes[s]], documents == null ? null : new long[sizes[s]]);
        }
        int[] at = new int[n];
        for (int i = 0; i < tokens.length; i++) {
            TokenCounts share = shares[shareOf[i]];
            int j = at[shareOf[i]]++;
            share.tokens[j] = tokens[i];
            share.counts[j] = counts[i];
            if (documents != null) {
                share.documents[j] = documents[i];
            }
        }
        return shares;
    }

    /**
     * The sum of many counts, in one table (adding them pairwise would copy the growing sum each time);
     * documents are counted in the sum when they are in every one.
     */
    static TokenCounts sum(Iterator<TokenCounts> all) {
        Map<String, Integer> at = new HashMap<>();
        List<String> tokens = new ArrayList<>();
        long[] counts = new long[1024];
        long[] documents = new long[1024];
        boolean allDocuments = true;
        while (all.hasNext()) {
            TokenCounts c = all.next();
            allDocuments &= c.documents != null;
            for (int i = 0; i < c.tokens.length; i++) {
                Integer j = at.putIfAbsent(c.tokens[i], tokens.size());
                if (j == null) {
                    j = tokens.size();
                    tokens.add(c.tokens[i]);
                    if (j == counts.length) {
                        counts = Arrays.copyOf(counts, j * 2);
                        documents = Arrays.copyOf(documents, j * 2);
                    }
                }
                counts[j] += c.counts[i];
                documents[j] += c.documents == null ? 0 : c.documents[i];
            }
        }
        return new TokenCounts(tokens.toArray(String[]::new), Arrays.copyOf(counts, tokens.size()),
                allDocuments ? Arrays.copyOf(documents, tokens.size()) : null);
    }

    /** The documents that have each of {@code tokens} (0 for a token not counted here). */
    long[] documentsWith(List<String> tokens) {
        Map<String, Integer> at = new HashMap<>(this.tokens.length * 2);
        for (int i = 0; i < this.tokens.length; i++) {
            at.put(this.tokens[i], i);
        }
        long[] out = new long[tokens.size()];
        for (int c = 0; c < out.length; c++) {
            Integer i = at.get(tokens.get(c));
            out[c] = i == null ? 0 : documents[i];
        }
        return out;
    }

    /** On the wire and on disk: the tokens packed ({@link PackedStrings}), not a String each. */
    private Object writeReplace() {
        return new Packed(PackedStrings.of(tokens), counts, documents);
    }

    private record Packed(PackedStrings tokens, long[] counts, long[] documents) implements Serializable {
        private Object readResolve() {
            return new TokenCounts(tokens.toArray(), counts, documents);
        }
    }

    /** Each token with its sums: {occurrences, documents} (documents 0 when not counted). */
    Iterator<Tuple2<String, long[]>> entries() {
        return IntStream.range(0, tokens.length).mapToObj(i -> new Tuple2<>(tokens[i],
                new long[]{counts[i], documents == null ? 0 : documents[i]})).iterator();
    }

    /** The {@code n} most frequent tokens, most frequent first; equal counts in token order. */
    List<String> mostFrequent(int n) {
        Comparator<Integer> byCountThenToken = Comparator.<Integer>comparingLong(i -> -counts[i])
                .thenComparing(i -> tokens[i]);
        return IntStream.range(0, tokens.length).boxed().sorted(byCountThenToken).limit(n)
                .map(i -> tokens[i]).toList();
    }
}
