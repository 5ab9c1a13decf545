package textnet.train;

import java.util.SplittableRandom;

/**
 * The order a replica visits the rows of a block in an epoch: a pure function of (seed, epoch,
 * replica, block), so a retried task, a resumed run and a second run all see the same batches.
 */
public final class Shuffle {

    private Shuffle() {
    }

    public static int[] order(int rows, long seed, int epoch, int partition) {
        return order(rows, seed, epoch, partition, 0);
    }

    /** Block 0's order is the one a replica of a single block has always had. */
    public static int[] order(int rows, long seed, int epoch, int partition, int block) {
        long replicaSeed = mix(mix(seed, epoch), partition);
        SplittableRandom random = new SplittableRandom(block == 0 ? replicaSeed : mix(replicaSeed, block));
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
