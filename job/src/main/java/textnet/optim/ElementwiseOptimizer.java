package textnet.optim;

/**
 * The common frame of the update rules: check the sizes, zero the rows a sparse layer left stale,
 * run the rule's loop over the heap arrays. An update rule is a few element-wise operations over
 * ~160k values; as one Java loop over {@code float[]} (vectorised by the JIT) it took 0.12 ms, against
 * ~1 ms for the same rule as a dozen in-place ND4J ops (one pass over memory and one native call each).
 * The double-precision twins the tests check the formulas with live in the test tree (ReferenceRules).
 */
abstract class ElementwiseOptimizer implements Optimizer {
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
}
