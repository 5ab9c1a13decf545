package textnet.nn;

import textnet.text.MultiHotBatch;


/**
 * What one pass over a batch reads and writes, handed to every {@link Layer} in turn: the batch,
 * its buffers (activations and deltas per layer), and the caller's heap arrays of parameters and
 * gradient (null on forward-only passes). With {@code touched} (the batch's distinct indices) the
 * multi-hot first layer writes its weight gradient in those rows only (textnet.optim.SparseRows).
 * {@code training} turns dropout on, its masks drawn from {@code maskSeed} (see DropoutMask); every
 * other pass is inference.
 */
record LayerPass(MultiHotBatch batch, BatchBuffers buffers, float[] params, float[] grad, int[] touched,
                 boolean training, long maskSeed) {

    int rows() {
        return batch.size();
    }
}
