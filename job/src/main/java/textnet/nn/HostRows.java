package textnet.nn;

import java.nio.FloatBuffer;

/**
 * The per-element steps around a layer's gemm, done on the host: adding the biases, their gradient
 * (the delta's column sums) and relu forward and backward. Each is one pass over {@code rows x units}
 * values, a few microseconds in Java, where each native ND4J call costs 15-70 us whatever its size
 * (measured on this network's 16-unit layers); with four of them per layer that fixed cost was most of
 * a small batch's step.
 */
final class HostRows {

    private HostRows() {
    }

    /** {@code z[r][u] += b[u]}. */
    static void addBias(HostValues z, HostValues b, int rows, int units) {
        FloatBuffer zs = z.floats();
        FloatBuffer bs = b.floats();
        for (int r = 0; r < rows; r++) {
            int at = z.offset() + r * units;
            for (int u = 0; u < units; u++) {
                zs.put(at + u, zs.get(at + u) + bs.get(b.offset() + u));
            }
        }
    }

    /** {@code db[u] = sum over r of delta[r][u]}, rows in order, summed in double. */
    static void columnSums(HostValues delta, HostValues db, int rows, int units) {
        double[] sums = new double[units];
        for (int r = 0; r < rows; r++) {
            for (int u = 0; u < units; u++) {
                sums[u] += delta.get(r * units + u);
            }
        }
        for (int u = 0; u < units; u++) {
            db.set(u, sums[u]);
        }
    }

    /** {@code a = max(0, z)} in place (a NaN stays NaN, for the divergence check). */
    static void relu(HostValues z, int count) {
        for (int i = 0; i < count; i++) {
            if (z.get(i) <= 0) {
                z.set(i, 0);
            }
        }
    }

    /** {@code delta = 0 where a <= 0}: relu' given its output {@code a}. */
    static void reluBackprop(HostValues a, HostValues delta, int count) {
        for (int i = 0; i < count; i++) {
            if (!(a.get(i) > 0)) {
                delta.set(i, 0);
            }
        }
    }
}
