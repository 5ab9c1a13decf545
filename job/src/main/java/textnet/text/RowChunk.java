package textnet.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import scala.Tuple2;

/**
 * Up to {@value #ROWS} rows on their way to one block, with their document ids: what the shuffle that
 * deals rows moves. A few large arrays per chunk rather than an object per row, so serializing them
 * costs a few bulk copies, not the per-object work Java serialization does for every row.
 */
final class RowChunk implements Serializable {

    static final int ROWS = 1024;
    /** The most columns a chunk is given before its rows come (1 MiB). */
    static final int MAX_PRESIZED_COLUMNS = 1 << 18;

    private final String[] ids;
    private final int[] labels;
    private final int[] offsets;
    private final int[] indices;
    /** The columns' values; null when every one is 1 (multi-hot). */
    private final float[] values;

    private RowChunk(String[] ids, int[] labels, int[] offsets, int[] indices, float[] values) {
        this.ids = ids;
        this.labels = labels;
        this.offsets = offsets;
        this.indices = indices;
        this.values = values;
    }

    int size() {
        return ids.length;
    }

    /** On the wire: the ids packed ({@link PackedStrings}), not a String each. */
    private Object writeReplace() {
        return new Packed(PackedStrings.of(ids), labels, offsets, indices, values);
    }

    private record Packed(PackedStrings ids, int[] labels, int[] offsets, int[] indices, float[] values)
            implements Serializable {
        private Object readResolve() {
            return new RowChunk(ids.toArray(), labels, offsets, indices, values);
        }
    }

    /** Collects one block's rows of a task until the chunk is full. */
    static final class Builder {
        private final List<String> ids = new ArrayList<>();
        private int[] labels = new int[64];
        private int[] offsets = new int[65];
        private int[] indices;
        /** Made by the first row with values: a task's rows all have them, or none does. */
        private float[] values;

        /** @param columns how many columns a full chunk is expected to hold (it grows past that as needed) */
        Builder(int columns) {
            indices = new int[Math.max(1024, columns)];
        }

        /** @param columnValues the columns' values, or null when they are all 1 */
        void add(String id, int label, int[] columns, float[] columnValues) {
            int n = ids.size();
            if (n == labels.length) {
                labels = Arrays.copyOf(labels, n * 2);
                offsets = Arrays.copyOf(offsets, n * 2 + 1);
            }
            int at = offsets[n];
            if (at + columns.length > indices.length) {
                indices = Arrays.copyOf(indices, Math.max(indices.length * 2, at + columns.length));
            }
            System.arraycopy(columns, 0, indices, at, columns.length);
            if (columnValues != null) {
                if (values == null) {
                    values = new float[indices.length];
                } else if (values.length < indices.length) {
                    values = Arrays.copyOf(values, indices.length);
                }
                System.arraycopy(columnValues, 0, values, at, columns.length);
            }
            ids.add(id);
            labels[n] = label;
            offsets[n + 1] = at + columns.length;
        }

        boolean isFull() {
            return ids.size() >= ROWS;
        }

        boolean isEmpty() {
            return ids.isEmpty();
        }

        /** The rows so far as a chunk, sorted by id (blocks merge sorted chunks); the builder starts over. */
        RowChunk take() {
            int n = ids.size();
            Integer[] byId = new Integer[n];
            Arrays.setAll(byId, i -> i);
            Arrays.sort(byId, (a, b) -> ids.get(a).compareTo(ids.get(b)));
            String[] sortedIds = new String[n];
            int[] sortedLabels = new int[n];
            int[] sortedOffsets = new int[n + 1];
            int[] sortedIndices = new int[offsets[n]];
            float[] sortedValues = values == null ? null : new float[offsets[n]];
            for (int i = 0; i < n; i++) {
                int r = byId[i];
                int length = offsets[r + 1] - offsets[r];
                sortedIds[i] = ids.get(r);
                sortedLabels[i] = labels[r];
                System.arraycopy(indices, offsets[r], sortedIndices, sortedOffsets[i], length);
                if (values != null) {
                    System.arraycopy(values, offsets[r], sortedValues, sortedOffsets[i], length);
                }
                sortedOffsets[i + 1] = sortedOffsets[i] + length;
            }
            ids.clear();
            return new RowChunk(sortedIds, sortedLabels, sortedOffsets, sortedIndices, sortedValues);
        }
    }

    /**
     * One task's rows as chunks keyed by their block: rows are added as the task makes them and a full
     * chunk leaves at once, so a task holds at most one chunk per block it writes to.
     */
    static final class Chunker implements Iterator<Tuple2<BlockKey, RowChunk>> {
        /** Where a document's row goes, and the row. */
        interface Source {
            /** @return false when there are no more rows */
            boolean next(Sink sink);
        }

        interface Sink {
            /** @param values the columns' values, or null when they are all 1 */
            void add(BlockKey key, String id, int label, int[] columns, float[] values);
        }

        private final Source source;
        /** The task's rows and columns so far: a new block's chunk is sized by them, not grown to fit. */
        private long rows;
        private long columns;
        private final Map<BlockKey, Builder> open = new TreeMap<>((a, b) -> a.partition() != b.partition()
                ? Integer.compare(a.partition(), b.partition()) : Integer.compare(a.block(), b.block()));
        private Tuple2<BlockKey, RowChunk> ready;
        private boolean sourceDone;

        Chunker(Source source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            while (ready == null) {
                if (!sourceDone) {
                    sourceDone = !source.next((key, id, label, columns, values) -> {
                        Builder b = open.computeIfAbsent(key, k -> new Builder(expectedColumns()));
                        b.add(id, label, columns, values);
                        rows++;
                        this.columns += columns.length;
                        if (b.isFull()) {
                            ready = new Tuple2<>(key, b.take());
                        }
                    });
                    continue;
                }
                Map.Entry<BlockKey, Builder> rest = null;
                for (Map.Entry<BlockKey, Builder> e : open.entrySet()) {
                    if (!e.getValue().isEmpty()) {
                        rest = e;
                        break;
                    }
                }
                if (rest == null) {
                    return false;
                }
                ready = new Tuple2<>(rest.getKey(), rest.getValue().take());
            }
            return true;
        }

        /**
         * A full chunk of rows as long as the task's so far on average, and a quarter more (an IMDB
         * chunk: ~170,000 columns), but at most {@value #MAX_PRESIZED_COLUMNS}: a task opens a chunk
         * for every block it writes to, and a chunk of long documents grows past that only as its
         * rows come.
         */
        private int expectedColumns() {
            return rows == 0 ? 0 : (int) Math.min(MAX_PRESIZED_COLUMNS, columns * ROWS / rows * 5 / 4);
        }

        @Override
        public Tuple2<BlockKey, RowChunk> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Tuple2<BlockKey, RowChunk> r = ready;
            ready = null;
            return r;
        }
    }

    /**
     * Chunks, grouped by block, as blocks: each block's rows sorted by document id and cut at
     * {@code blockRows} (a block a hash made slightly too large becomes two). With {@code emptyWhenNone}
     * (a partition's only block) no rows make one empty block, so every replica answers its epoch.
     */
    static final class Blocks implements Iterator<MultiHotBlock> {
        private final Iterator<Tuple2<BlockKey, RowChunk>> sorted;
        private final int blockRows;
        private final LabelSets sets;
        private Tuple2<BlockKey, RowChunk> pending;
        private final List<MultiHotBlock> cut = new ArrayList<>();
        private boolean any;
        private final boolean emptyWhenNone;

        /** @param sets what a multi-label row's label numbers (null: single-label, the label is the class) */
        Blocks(Iterator<Tuple2<BlockKey, RowChunk>> sorted, int blockRows, LabelSets sets, boolean emptyWhenNone) {
            this.sorted = sorted;
            this.blockRows = blockRows;
            this.sets = sets;
            this.emptyWhenNone = emptyWhenNone;
            this.pending = sorted.hasNext() ? sorted.next() : null;
        }

        @Override
        public boolean hasNext() {
            return !cut.isEmpty() || pending != null || !any && emptyWhenNone;
        }

        @Override
        public MultiHotBlock next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            any = true;
            if (cut.isEmpty()) {
                cut.addAll(nextBlock());
            }
            return cut.remove(0);
        }

        /**
         * The chunks of the next block, merged by id (each chunk is sorted: {@link Builder#take}), cut
         * into blocks of at most blockRows rows; rows are copied once, into the block's arrays.
         */
        private List<MultiHotBlock> nextBlock() {
            List<RowChunk> chunks = new ArrayList<>();
            int block = pending == null ? 0 : pending._1().block();
            while (pending != null && pending._1().block() == block) {
                chunks.add(pending._2());
                pending = sorted.hasNext() ? sorted.next() : null;
            }
            int[] at = new int[chunks.size()];
            java.util.PriorityQueue<Integer> next = new java.util.PriorityQueue<>(Math.max(1, chunks.size()),
                    (a, b) -> chunks.get(a).ids[at[a]].compareTo(chunks.get(b).ids[at[b]]));
            for (int c = 0; c < chunks.size(); c++) {
                if (chunks.get(c).size() > 0) {
                    next.add(c);
                }
            }
            long rowCount = 0;
            long columns = 0;
            for (RowChunk chunk : chunks) {
                rowCount += chunk.size();
                columns += chunk.offsets[chunk.size()];
            }
            List<MultiHotBlock> blocks = new ArrayList<>();
            // the usual block is not cut: its arrays are allocated once, at their final size (a block
            // of 65,536 IMDB rows has ~16M columns: growing by doubling would hold ~3 times that)
            MultiHotBlock.Builder rows = rowCount <= blockRows && columns <= Integer.MAX_VALUE - 8
                    ? new MultiHotBlock.Builder((int) rowCount, (int) columns, sets) : new MultiHotBlock.Builder(sets);
            while (!next.isEmpty()) {
                int c = next.poll();
                RowChunk chunk = chunks.get(c);
                int r = at[c]++;
                rows.add(chunk.labels[r], chunk.indices, chunk.values, chunk.offsets[r], chunk.offsets[r + 1]);
                if (at[c] < chunk.size()) {
                    next.add(c);
                }
                if (rows.size() == blockRows) {
                    blocks.add(rows.build());
                    rows = new MultiHotBlock.Builder(sets);
                }
            }
            if (rows.size() > 0 || blocks.isEmpty()) {
                blocks.add(rows.build());
            }
            return blocks;
        }
    }
}
