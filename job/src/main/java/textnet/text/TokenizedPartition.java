package textnet.text;

import textnet.data.LabelledDoc;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One partition's documents tokenized once, each token replaced by a partition-local id: the
 * vocabulary is counted from this and the multi-hot rows are built from it, so no document is
 * tokenized twice and no text crosses the network. Documents keep the order they came in.
 */
final class TokenizedPartition implements Serializable {

    /** What a document is used for: fitting (and training), validation, or test. */
    enum Role { FIT, VALIDATION, TEST }

    private final String[] tokens;
    private final long[] fitOccurrences;
    private final Role[] roles;
    private final String[] labels;
    private final int[][] localIds;

    private TokenizedPartition(String[] tokens, long[] fitOccurrences, Role[] roles, String[] labels,
                               int[][] localIds) {
        this.tokens = tokens;
        this.fitOccurrences = fitOccurrences;
        this.roles = roles;
        this.labels = labels;
        this.localIds = localIds;
    }

    interface RoleOf extends Serializable {
        Role of(LabelledDoc doc);
    }

    static TokenizedPartition of(Iterator<LabelledDoc> docs, Tokenizer tokenizer, RoleOf roleOf) {
        Builder builder = new Builder();
        while (docs.hasNext()) {
            LabelledDoc doc = docs.next();
            builder.add(doc.text(), roleOf.of(doc), doc.label(), tokenizer);
        }
        return builder.build();
    }

    /** How often each token occurs in {@code texts} (all of them fitting): {@link Vocabulary#fit}'s counts. */
    static TokenCounts countsOf(Iterator<String> texts, Tokenizer tokenizer) {
        Builder builder = new Builder();
        while (texts.hasNext()) {
            builder.add(texts.next(), Role.FIT, null, tokenizer);
        }
        return builder.build().fitCounts();
    }

    /** How often each token occurs in the fitting documents. */
    TokenCounts fitCounts() {
        int n = 0;
        for (long c : fitOccurrences) {
            n += c > 0 ? 1 : 0;
        }
        String[] fitTokens = new String[n];
        long[] counts = new long[n];
        for (int id = 0, at = 0; id < tokens.length; id++) {
            if (fitOccurrences[id] > 0) {
                fitTokens[at] = tokens[id];
                counts[at++] = fitOccurrences[id];
            }
        }
        return new TokenCounts(fitTokens, counts);
    }

    /** The labels of the fitting documents. */
    Set<String> fitLabels() {
        Set<String> found = new TreeSet<>();
        for (int d = 0; d < roles.length; d++) {
            if (roles[d] == Role.FIT) {
                found.add(labels[d]);
            }
        }
        return found;
    }

    /** One block per {@link Role}, in role order; a label {@code labelIndex} does not know is an input error. */
    MultiHotBlock[] blocks(Map<String, Integer> columns, LabelIndex labelIndex) {
        int[] columnOf = new int[tokens.length];
        for (int id = 0; id < tokens.length; id++) {
            columnOf[id] = columns.getOrDefault(tokens[id], -1);
        }
        MultiHotBlock[] blocks = new MultiHotBlock[Role.values().length];
        for (Role role : Role.values()) {
            List<MultiHotRow> rows = new ArrayList<>();
            String where = role == Role.FIT ? "train" : role.name().toLowerCase(java.util.Locale.ROOT);
            for (int d = 0; d < roles.length; d++) {
                if (roles[d] == role) {
                    rows.add(new MultiHotRow(labelIndex.indexOf(labels[d], where), columnsOf(localIds[d], columnOf)));
                }
            }
            blocks[role.ordinal()] = MultiHotBlock.of(rows.iterator());
        }
        return blocks;
    }

    /** The sorted columns of a document's distinct local ids; out-of-vocabulary tokens are dropped. */
    private static int[] columnsOf(int[] ids, int[] columnOf) {
        int[] found = new int[ids.length];
        int n = 0;
        for (int id : ids) {
            int column = columnOf[id];
            if (column >= 0) {
                found[n++] = column;
            }
        }
        Arrays.sort(found, 0, n);
        return Arrays.copyOf(found, n);
    }

    /** Interns tokens as they stream out of the tokenizer, one document at a time. */
    private static final class Builder implements Tokenizer.RangeConsumer {
        private final TokenTable table = new TokenTable();
        private long[] fitOccurrences = new long[1024];
        private int[] lastDocument = new int[1024]; // 1 + the last document an id was seen in: drops repeats
        private final List<Role> roles = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private final List<int[]> localIds = new ArrayList<>();
        private Role role;
        private int[] ids = new int[256];
        private int count;

        void add(String text, Role docRole, String label, Tokenizer tokenizer) {
            role = docRole;
            count = 0;
            roles.add(role);
            tokenizer.forEachTokenRange(text, this);
            labels.add(label);
            localIds.add(Arrays.copyOf(ids, count));
        }

        @Override
        public void accept(String text, int start, int end) {
            int id = table.idOf(text, start, end);
            if (id == fitOccurrences.length) {
                fitOccurrences = Arrays.copyOf(fitOccurrences, id * 2);
                lastDocument = Arrays.copyOf(lastDocument, id * 2);
            }
            if (role == Role.FIT) {
                fitOccurrences[id]++;
            }
            if (lastDocument[id] != roles.size()) {
                lastDocument[id] = roles.size();
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, count * 2);
                }
                ids[count++] = id;
            }
        }

        TokenizedPartition build() {
            String[] tokens = new String[table.size()];
            Arrays.setAll(tokens, table::token);
            return new TokenizedPartition(tokens, Arrays.copyOf(fitOccurrences, tokens.length),
                    roles.toArray(Role[]::new), labels.toArray(String[]::new), localIds.toArray(int[][]::new));
        }
    }
}
