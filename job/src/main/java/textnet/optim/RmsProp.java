package textnet.optim;

/**
 * RMSprop as Keras 3 defines it (keras/src/optimizers/rmsprop.py, no momentum, not centered):
 * {@code v = rho v + (1 - rho) g^2;  p -= lr g / sqrt(v + eps)}. State: {@code v}, P values.
 *
 * <p>Lazy first layer, exact: where the gradient is zero the rule only decays {@code v} by
 * {@code rho} and leaves {@code p} as it is ({@code p -= 0}). So a W0 row the batch did not touch is
 * skipped, and the decays it missed are applied at once ({@code v *= rho^k}) when a later batch
 * touches it, or in {@link #finish}. That is the dense rule's math; {@code v} differs only by
 * rounding ({@code rho^k} once instead of k multiplications), and through it the row's later steps
 * (textnet.train.SparseDenseTrainingTest: within 1e-5). On IMDB a batch of 512 touches about half of
 * W0's rows, on R52 a batch of 64 a small part of them.
 */
public final class RmsProp extends ElementwiseOptimizer {
    private final double learningRate;
    private final double rho;
    private final double epsilon;

    public RmsProp(double learningRate, double rho, double epsilon) {
        this.learningRate = learningRate;
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    public int stateSize(int parameterCount) {
        return parameterCount;
    }

    /** For each W0 row: the last iteration its {@code v} includes. Null until the first sparse step. */
    private long[] upToDate;
    /** Where W0's rows are in the state (offset, width), as the sparse steps said. */
    private SparseRows layout;

    @Override
    public void step(float[] p, float[] g, float[] v, long iteration, SparseRows sparse) {
        if (sparse == null) {
            super.step(p, g, v, iteration, null);
            return;
        }
        checkSizes(p, g, v);
        if (upToDate == null) {
            upToDate = new long[sparse.totalRows()];
            java.util.Arrays.fill(upToDate, iteration - 1);
            layout = sparse;
        }
        update(p, g, v, 0, sparse.offset());
        update(p, g, v, sparse.end(), p.length);
        for (int row : sparse.rows()) {
            int from = sparse.offset() + row * sparse.width();
            decay(v, from, from + sparse.width(), iteration - 1 - upToDate[row]);
            update(p, g, v, from, from + sparse.width());
            upToDate[row] = iteration;
        }
    }

    @Override
    public void finish(float[] v, long iteration) {
        if (upToDate == null) {
            return;
        }
        for (int row = 0; row < upToDate.length; row++) {
            int from = layout.offset() + row * layout.width();
            decay(v, from, from + layout.width(), iteration - upToDate[row]);
            upToDate[row] = iteration;
        }
    }

    /** {@code rho^k} for the small k most decays need: one Math.pow per touched row was a tenth of a step. */
    private final float[] decayFactors = new float[64];

    private void decay(float[] v, int from, int to, long steps) {
        if (steps <= 0) {
            return;
        }
        float factor = steps < decayFactors.length ? decayFactors[(int) steps] : (float) Math.pow(rho, steps);
        if (factor == 0 && steps < decayFactors.length) { // not computed yet (rho^k itself is never 0 this soon)
            factor = decayFactors[(int) steps] = (float) Math.pow(rho, steps);
        }
        for (int i = from; i < to; i++) {
            v[i] *= factor;
        }
    }

    private void update(float[] p, float[] g, float[] v, int from, int to) {
        float lr = (float) learningRate;
        float rho = (float) this.rho;
        float eps = (float) epsilon;
        for (int i = from; i < to; i++) {
            v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
            p[i] -= lr * g[i] / (float) Math.sqrt(v[i] + eps);
        }
    }

    @Override
    void update(float[] p, float[] g, float[] v, int n, long iteration) {
        update(p, g, v, 0, n);
    }
}
