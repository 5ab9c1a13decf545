package textnet.nn;

import java.util.SplittableRandom;

/**
 * The dropout masks of one training step, a pure function of the step's seed and the layer: training
 * derives the step's seed from (run seed, epoch, replica, step) with {@link #stepSeed}, so a second run,
 * a retried Spark task and a run resumed from a checkpoint (which restarts at an epoch's first step)
 * draw the same masks, and one replica draws what local training draws.
 */
public final class DropoutMask {

    private DropoutMask() {
    }

    /** The seed of one optimizer step: the run's seed, the epoch, the replica and the step within its epoch. */
    public static long stepSeed(long seed, int epoch, int replica, long step) {
        return mix(mix(mix(mix(seed, 0x64726F70L), epoch), replica), step); // 0x64726F70: "drop", apart from the shuffle's seeds
    }

    /**
     * Writes {@code n} scale factors into {@code scale}: 0 with probability {@code rate}, else
     * {@code 1 / (1 - rate)} (Keras: a value is kept where {@code uniform >= rate}).
     */
    static void fill(long stepSeed, int layer, double rate, float[] scale, int n) {
        SplittableRandom random = new SplittableRandom(mix(stepSeed, layer));
        float kept = (float) (1.0 / (1.0 - rate));
        for (int i = 0; i < n; i++) {
            scale[i] = random.nextDouble() >= rate ? kept : 0f;
        }
    }

    /** SplitMix64's finaliser: nearby inputs give unrelated seeds. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
