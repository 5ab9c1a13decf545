package textnet.train;

import java.util.SplittableRandom;

/**
 * The order a partition visits its rows in an epoch: a pure function of (seed, epoch, partition),
 * so a retried task, a resumed run and a second run all see the same batches.
 */
public final class Shuffle {

    private Shuffle() {
    }

    public static int[] order(int rows, long seed, int epoch, int partition) {
        SplittableRandom random = new SplittableRandom(mix(mix(seed, epoch), partition));
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** SplitMix64's finaliser: nearby inputs give unrelated seeds. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
