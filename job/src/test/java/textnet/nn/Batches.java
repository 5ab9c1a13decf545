package textnet.nn;

import textnet.text.MultiHotBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/** Multi-hot batches for tests: handmade rows, or random rows of a given density. */
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
}
