package textnet.nn;

import textnet.text.MultiHotBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Batches for tests: handmade rows, or random rows of a given density; multi-hot, or with values
 * (vectorizer.output-mode count and tf-idf: a count times an idf-like factor).
 */
final class Batches {
    private Batches() {
    }

    /** Rows given as index lists; labels one per row. */
    static MultiHotBatch of(int[][] rows, int... labels) {
        int[] offsets = new int[rows.length + 1];
        List<Integer> indices = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            int[] sorted = rows[r].clone();
            Arrays.sort(sorted);
            for (int i : sorted) {
                indices.add(i);
            }
            offsets[r + 1] = indices.size();
        }
        return new MultiHotBatch(rows.length, offsets, indices.stream().mapToInt(Integer::intValue).toArray(), labels);
    }

    /** Rows given as index lists, each with a set of classes (sorted). */
    static MultiHotBatch multiLabel(int[][] rows, int[][] classes) {
        MultiHotBatch single = of(rows, new int[rows.length]);
        int[] labelOffsets = new int[rows.length + 1];
        for (int r = 0; r < rows.length; r++) {
            labelOffsets[r + 1] = labelOffsets[r] + classes[r].length;
        }
        int[] labels = Arrays.stream(classes).flatMapToInt(Arrays::stream).toArray();
        return new MultiHotBatch(rows.length, single.rowOffsets(), single.indices(), labels, labelOffsets);
    }

    /** {@code rows} random rows with about {@code active} distinct indices below {@code inputs} each. */
    static MultiHotBatch random(int rows, int inputs, int active, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] indexRows = new int[rows][];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            TreeSet<Integer> set = new TreeSet<>();
            while (set.size() < active) {
                set.add(random.nextInt(inputs));
            }
            indexRows[r] = set.stream().mapToInt(Integer::intValue).toArray();
            labels[r] = random.nextInt(classes);
        }
        return of(indexRows, labels);
    }

    /** {@code batch} with {@code values} at its indices, row by row (the rows' index lists as given to {@link #of}). */
    static MultiHotBatch withValues(MultiHotBatch batch, float[][] values) {
        float[] flat = new float[batch.indices().length];
        for (int r = 0; r < batch.size(); r++) {
            int from = batch.rowOffsets()[r];
            if (values[r].length != batch.rowOffsets()[r + 1] - from) {
                throw new IllegalArgumentException("row " + r + ": " + values[r].length + " values");
            }
            System.arraycopy(values[r], 0, flat, from, values[r].length);
        }
        return new MultiHotBatch(batch.size(), batch.rowOffsets(), batch.indices(), batch.labels(),
                batch.labelOffsets(), flat);
    }

    /**
     * {@link #random} rows whose values are positive as count and tf-idf make them: each a count of
     * 1 to 3 times its column's idf-like factor, {@code log(1 + 8 / (1 + column % 8))} (0.69 to 2.2).
     */
    static MultiHotBatch randomWithValues(int rows, int inputs, int active, int classes, long seed) {
        MultiHotBatch batch = random(rows, inputs, active, classes, seed);
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        float[] values = new float[batch.indices().length];
        for (int k = 0; k < values.length; k++) {
            int count = 1 + random.nextInt(3);
            values[k] = count * (float) Math.log(1 + 8.0 / (1 + batch.indices()[k] % 8));
        }
        return new MultiHotBatch(batch.size(), batch.rowOffsets(), batch.indices(), batch.labels(),
                batch.labelOffsets(), values);
    }

    /** {@code batch} with every value given as 1f: the same function as the multi-hot batch. */
    static MultiHotBatch withOnes(MultiHotBatch batch) {
        float[] ones = new float[batch.indices().length];
        Arrays.fill(ones, 1f);
        return new MultiHotBatch(batch.size(), batch.rowOffsets(), batch.indices(), batch.labels(),
                batch.labelOffsets(), ones);
    }
}
