package textnet.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The common frame of the update rules: copy parameters, gradient and state into Java arrays, run the
 * rule's loop, copy parameters and state back (see {@link HostArrays} for why). A rule writes its
 * loop twice, for float (training) and double (checks); the two read the same, line for line.
 */
abstract class ElementwiseOptimizer implements Optimizer {
    private static final int PARAMS = 0;
    private static final int GRAD = 1;
    private static final int STATE = 2;
    private final HostArrays arrays = new HostArrays();

    @Override
    public final void step(INDArray params, INDArray grad, INDArray state, long iteration) {
        int n = Math.toIntExact(params.length());
        int stateSize = stateSize(n);
        if (stateSize > 0 && (state == null || state.length() != stateSize)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs a state of " + stateSize
                    + " values for " + n + " parameters");
        }
        boolean hasState = stateSize > 0;
        if (HostArrays.isFloat(params, grad, hasState ? state : null)) {
            float[] p = arrays.floats(PARAMS, params);
            float[] s = hasState ? arrays.floats(STATE, state) : null;
            update(p, arrays.floats(GRAD, grad), s, n, iteration);
            HostArrays.write(p, params);
            if (hasState) {
                HostArrays.write(s, state);
            }
        } else {
            double[] p = arrays.doubles(PARAMS, params);
            double[] s = hasState ? arrays.doubles(STATE, state) : null;
            update(p, arrays.doubles(GRAD, grad), s, n, iteration);
            HostArrays.write(p, params);
            if (hasState) {
                HostArrays.write(s, state);
            }
        }
    }

    /** Dense math: the rows a sparse layer did not touch get a zero gradient, as on the dense path. */
    @Override
    public void step(float[] params, float[] grad, float[] state, long iteration, SparseRows sparse) {
        checkSizes(params, grad, state);
        if (sparse != null) {
            sparse.zeroUntouched(grad);
        }
        update(params, grad, stateSize(params.length) > 0 ? state : null, params.length, iteration);
    }

    final void checkSizes(float[] params, float[] grad, float[] state) {
        int n = params.length;
        int stateSize = stateSize(n);
        if (grad.length != n || stateSize > 0 && (state == null || state.length != stateSize)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + n + " parameters need "
                    + n + " gradients and " + stateSize + " state values");
        }
    }

    /** One step over {@code n} parameters; {@code state} holds {@code stateSize(n)} values (null if 0). */
    abstract void update(float[] params, float[] grad, float[] state, int n, long iteration);

    abstract void update(double[] params, double[] grad, double[] state, int n, long iteration);
}
