package textnet.eval;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The sum of many doubles, correctly rounded once at the end, so it does not depend on the order
 * the values were added in nor on how partial sums were grouped and merged: the test loss of a run
 * is the same bits whatever order Spark merges partitions in, and however its rows are partitioned.
 *
 * <p>Shewchuk's exact summation ("Adaptive Precision Floating-Point Arithmetic and Fast Robust
 * Geometric Predicates", 1997), as Python's {@code math.fsum} does it: the running sum is kept as a
 * short list of non-overlapping partials whose exact sum is the exact sum of the inputs (each step is
 * Knuth's two-sum, error-free); {@link #value()} rounds that exact value to the nearest double, ties
 * to even. A list of doubles holds any exact sum of finite doubles in at most ~40 partials; adding
 * positive losses of similar size keeps it at 2 or 3. Infinities and NaN bypass the partials (their
 * IEEE sums do not depend on order either).
 */
public final class ExactSum implements Serializable {

    private double[] partials = new double[4];
    private int size;
    /** The IEEE sum of the non-finite inputs (0 while there are none). */
    private double nonFinite;

    public ExactSum add(double x) {
        if (!Double.isFinite(x)) {
            nonFinite += x;
            return this;
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            double y = partials[i];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x); // exact: |x| >= |y| (Dekker's fast two-sum)
            if (lo != 0.0) {
                partials[kept++] = lo;
            }
            x = hi;
        }
        if (!Double.isFinite(x)) { // the finite sum overflowed: nothing exact is left to keep
            nonFinite += x;
            size = 0;
            return this;
        }
        if (kept == partials.length) {
            partials = Arrays.copyOf(partials, 2 * kept);
        }
        partials[kept++] = x;
        size = kept;
        return this;
    }

    /** Adds the other sum's exact value (its partials) to this one. */
    public ExactSum add(ExactSum other) {
        for (int i = 0; i < other.size; i++) {
            add(other.partials[i]);
        }
        nonFinite += other.nonFinite;
        return this;
    }

    /** The exact sum rounded to the nearest double (ties to even), as {@code math.fsum} returns it. */
    public double value() {
        if (nonFinite != 0) { // also NaN
            return nonFinite;
        }
        int n = size;
        if (n == 0) {
            return 0.0;
        }
        double hi = partials[--n];
        double lo = 0;
        while (n > 0) { // from the largest partial down, until the rest no longer fits in hi
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) {
                break;
            }
        }
        // hi + lo is a tie only seen in its last bit: the partials below lo decide which way it rounds
        if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
            double y = lo * 2;
            double x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
        return hi;
    }

    public ExactSum copy() {
        ExactSum c = new ExactSum();
        c.partials = Arrays.copyOf(partials, Math.max(4, size));
        c.size = size;
        c.nonFinite = nonFinite;
        return c;
    }
}
