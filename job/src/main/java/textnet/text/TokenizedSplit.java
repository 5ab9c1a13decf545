package textnet.text;

import textnet.config.OutputMode;
import textnet.config.VectorizerConfig;
import textnet.data.DocCounts;
import textnet.data.LabelledDoc;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * One split of the corpus tokenized once, for both of the vectorizer's passes: the split's distinct
 * tokens (local ids, in order of first sight), each document's distinct local ids (varint-packed:
 * frequent words get small ids, so one or two bytes each; with counts, {@code vectorizer.output-mode}
 * count or tf-idf, each id followed by its count in the document), its id, label and where its row goes, and
 * the split's counts ({@link PartitionCounts}). The first pass sums the counts into the vocabulary;
 * the second maps local ids to columns, so the text is read and tokenized once. Kept between the two
 * (serialized, spilling to disk when memory is short) and dropped once the rows are built; it holds a
 * split's tokens, never the corpus's text.
 */
final class TokenizedSplit implements Serializable {

    /**
     * A document's row: where it goes, its id, label and role, its columns (sorted, distinct) and
     * their values (null: all ones).
     */
    record Row(int partition, String id, String label, Role role, int[] columns, float[] values) {
    }

    private final PartitionCounts counts;
    private final byte[] tokenBytes;
    private final int[] tokenStarts;
    private final PackedStrings ids;
    private final byte[] roles;
    private final int[] partitions;
    private final int[] labelOf;
    private final String[] labels;
    private final int[] docStarts;
    private final byte[] localIds;
    /** Whether each local id in {@code localIds} is followed by its count. */
    private final boolean withCounts;

    private TokenizedSplit(PartitionCounts counts, byte[] tokenBytes, int[] tokenStarts, PackedStrings ids, byte[] roles,
                           int[] partitions, int[] labelOf, String[] labels, int[] docStarts, byte[] localIds,
                           boolean withCounts) {
        this.counts = counts;
        this.tokenBytes = tokenBytes;
        this.tokenStarts = tokenStarts;
        this.ids = ids;
        this.roles = roles;
        this.partitions = partitions;
        this.labelOf = labelOf;
        this.labels = labels;
        this.docStarts = docStarts;
        this.localIds = localIds;
        this.withCounts = withCounts;
    }

    /**
     * @param partitionOf where a document's row will be dealt ({@code role * replicas + replica}), of
     *                    {@code partitionCount}
     */
    static TokenizedSplit of(Iterator<LabelledDoc> documents, VectorizerConfig config, Role.Of roleOf,
                             ToIntFunction<LabelledDoc> partitionOf, int partitionCount) {
        Builder b = new Builder(config, partitionCount);
        while (documents.hasNext()) {
            LabelledDoc doc = documents.next();
            b.add(doc, roleOf.of(doc), partitionOf.applyAsInt(doc));
        }
        return b.build();
    }

    PartitionCounts counts() {
        return counts;
    }

    /**
     * Every document's row, made as it is asked for; its columns those of {@code vocabulary} (column i
     * is token i), its values {@code values}' (none when they are all ones).
     */
    Iterator<Row> rows(List<String> vocabulary, ColumnValues values) {
        Map<String, Integer> columnOf = new HashMap<>(vocabulary.size() * 2);
        for (int c = 0; c < vocabulary.size(); c++) {
            columnOf.put(vocabulary.get(c), c);
        }
        int tokens = tokenStarts.length - 1;
        int[] column = new int[tokens];
        for (int t = 0; t < tokens; t++) {
            column[t] = columnOf.getOrDefault(new String(tokenBytes, tokenStarts[t], tokenStarts[t + 1] - tokenStarts[t],
                    StandardCharsets.UTF_8), -1);
        }
        return new Iterator<>() {
            private int d;
            /** Where the next varint of document d's ids starts. */
            private int at;
            private int[] found = new int[256];
            private long[] foundWithCounts = new long[256]; // column << 32 | count: sorted by column
            /** A row's columns as bits, read back in order: cheaper than sorting once a row has a few dozen. */
            private final long[] present = new long[(vocabulary.size() + 63) >>> 6];
            private final int[] timesOf = values.ones() ? null : new int[vocabulary.size()];

            @Override
            public boolean hasNext() {
                return d < ids.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                int count = 0;
                at = docStarts[d];
                int end = docStarts[d + 1];
                boolean ones = values.ones();
                while (at < end) {
                    int c = column[varint()];
                    int times = withCounts ? varint() : 1;
                    if (c >= 0) {
                        if (count == found.length) {
                            found = Arrays.copyOf(found, count * 2);
                            foundWithCounts = Arrays.copyOf(foundWithCounts, count * 2);
                        }
                        if (ones) {
                            found[count++] = c;
                        } else {
                            foundWithCounts[count++] = (long) c << 32 | times;
                        }
                    }
                }
                int[] columns;
                float[] vs = null;
                if (count > present.length >> 2) {
                    columns = inOrder(count, ones);
                    if (!ones) {
                        vs = new float[count];
                        for (int k = 0; k < count; k++) {
                            vs[k] = values.of(columns[k], timesOf[columns[k]]);
                        }
                    }
                } else if (ones) {
                    columns = Arrays.copyOf(found, count);
                    Arrays.sort(columns);
                } else {
                    long[] sorted = Arrays.copyOf(foundWithCounts, count);
                    Arrays.sort(sorted);
                    columns = new int[count];
                    vs = new float[count];
                    for (int k = 0; k < count; k++) {
                        columns[k] = (int) (sorted[k] >>> 32);
                        vs[k] = values.of(columns[k], (int) sorted[k]);
                    }
                }
                Row row = new Row(partitions[d], ids.get(d), labels[labelOf[d]], Role.values()[roles[d]], columns, vs);
                d++;
                return row;
            }

            /** The row's {@code count} distinct columns in order, by their bits; with counts, each one's into timesOf. */
            private int[] inOrder(int count, boolean ones) {
                for (int k = 0; k < count; k++) {
                    int c = ones ? found[k] : (int) (foundWithCounts[k] >>> 32);
                    present[c >>> 6] |= 1L << c;
                    if (!ones) {
                        timesOf[c] = (int) foundWithCounts[k];
                    }
                }
                int[] columns = new int[count];
                for (int w = 0, k = 0; k < count; w++) {
                    long bits = present[w];
                    if (bits != 0) {
                        present[w] = 0;
                        do {
                            columns[k++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                            bits &= bits - 1;
                        } while (bits != 0);
                    }
                }
                return columns;
            }

            /** The varint at {@link #at}, which moves past it. */
            private int varint() {
                int v = 0;
                int shift = 0;
                int b;
                do { // 7 bits a byte, high bit set while more follow
                    b = localIds[at++];
                    v |= (b & 0x7f) << shift;
                    shift += 7;
                } while (b < 0);
                return v;
            }
        };
    }

    /** Tokenizes documents as they come: local ids interned by bytes, each document's ids packed. */
    private static final class Builder implements Utf8Tokenizer.TokenConsumer {
        private final DocTokenizer tokenizer;
        private final ByteTokenTable table = new ByteTokenTable();
        private final int partitionCount;
        private long[] fitOccurrences = new long[1024];
        /** tf-idf: the fitting documents that have each id; else null. */
        private long[] fitDocuments;
        private int[] lastDocument = new int[1024]; // 1 + the last document an id was seen in: drops repeats
        /** count and tf-idf: each id's count in this document, and the document's ids in order of first sight. */
        private int[] inDocument;
        private final IntList documentIds = new IntList();
        private final List<String> ids = new ArrayList<>();
        private final ByteList roles = new ByteList();
        private final IntList partitions = new IntList();
        private final IntList labelOf = new IntList();
        private final Map<String, Integer> labelIndex = new HashMap<>();
        private final List<String> labels = new ArrayList<>();
        private final IntList docStarts = new IntList();
        private final ByteList localIds = new ByteList();
        private final SortedMap<String, Long> fitLabels = new TreeMap<>();
        private final DocCounts docs = new DocCounts();
        private final long[] rowsPerPartition;
        private boolean fitting;

        Builder(VectorizerConfig config, int partitionCount) {
            this.tokenizer = new DocTokenizer(config);
            this.partitionCount = partitionCount;
            this.rowsPerPartition = new long[partitionCount];
            this.fitDocuments = config.mode() == OutputMode.TF_IDF ? new long[1024] : null;
            this.inDocument = config.mode() == OutputMode.MULTI_HOT ? null : new int[1024];
            docStarts.add(0);
        }

        void add(LabelledDoc doc, Role role, int partition) {
            DocCounts.add(docs, doc);
            rowsPerPartition[partition]++;
            fitting = role == Role.FIT;
            if (fitting) {
                fitLabels.merge(doc.label(), 1L, Long::sum);
            }
            ids.add(doc.id());
            roles.add((byte) role.ordinal());
            partitions.add(partition);
            labelOf.add(labelIndex.computeIfAbsent(doc.label(), l -> {
                labels.add(l);
                return labels.size() - 1;
            }));
            tokenizer.forEachToken(doc, this);
            if (inDocument != null) { // each id with its count, now that they are known
                for (int i = 0; i < documentIds.size(); i++) {
                    int id = documentIds.get(i);
                    addVarint(id);
                    addVarint(inDocument[id]);
                }
                documentIds.clear();
            }
            docStarts.add(localIds.size());
        }

        @Override
        public void accept(byte[] token, int length, int hash) {
            int id = table.idOf(token, length, hash);
            if (id == fitOccurrences.length) {
                fitOccurrences = Arrays.copyOf(fitOccurrences, id * 2);
                lastDocument = Arrays.copyOf(lastDocument, id * 2);
                fitDocuments = fitDocuments == null ? null : Arrays.copyOf(fitDocuments, id * 2);
                inDocument = inDocument == null ? null : Arrays.copyOf(inDocument, id * 2);
            }
            if (fitting) {
                fitOccurrences[id]++;
            }
            int document = ids.size(); // 1 + this document's index
            if (lastDocument[id] != document) {
                lastDocument[id] = document;
                if (fitting && fitDocuments != null) {
                    fitDocuments[id]++;
                }
                if (inDocument == null) {
                    addVarint(id);
                } else {
                    inDocument[id] = 1;
                    documentIds.add(id);
                }
            } else if (inDocument != null) {
                inDocument[id]++;
            }
        }

        private void addVarint(int value) {
            for (int v = value; ; v >>>= 7) { // 7 bits a byte, high bit set while more follow
                if (v < 0x80) {
                    localIds.add((byte) v);
                    break;
                }
                localIds.add((byte) ((v & 0x7f) | 0x80));
            }
        }

        TokenizedSplit build() {
            int n = table.size();
            ByteList bytes = new ByteList();
            int[] starts = new int[n + 1];
            int fitTokens = 0;
            for (int id = 0; id < n; id++) {
                byte[] token = table.token(id).getBytes(StandardCharsets.UTF_8);
                bytes.addAll(token);
                starts[id + 1] = bytes.size();
                fitTokens += fitOccurrences[id] > 0 ? 1 : 0;
            }
            String[] fitTokenNames = new String[fitTokens];
            long[] fitCounts = new long[fitTokens];
            long[] fitDocumentCounts = fitDocuments == null ? null : new long[fitTokens];
            for (int id = 0, at = 0; id < n; id++) {
                if (fitOccurrences[id] > 0) {
                    fitTokenNames[at] = table.token(id);
                    if (fitDocumentCounts != null) {
                        fitDocumentCounts[at] = fitDocuments[id];
                    }
                    fitCounts[at++] = fitOccurrences[id];
                }
            }
            PartitionCounts counts = new PartitionCounts(new TokenCounts(fitTokenNames, fitCounts, fitDocumentCounts),
                    fitLabels, docs, rowsPerPartition);
            return new TokenizedSplit(counts, bytes.toArray(), starts, PackedStrings.of(ids), roles.toArray(),
                    partitions.toArray(), labelOf.toArray(), labels.toArray(String[]::new), docStarts.toArray(),
                    localIds.toArray(), inDocument != null);
        }
    }

    private static final class ByteList {
        private byte[] values = new byte[1 << 12];
        private int size;

        void add(byte v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void addAll(byte[] vs) {
            if (size + vs.length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + vs.length));
            }
            System.arraycopy(vs, 0, values, size, vs.length);
            size += vs.length;
        }

        int size() {
            return size;
        }

        byte[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static final class IntList {
        private int[] values = new int[1 << 10];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
