package textnet.nn;

import java.util.SplittableRandom;

/**
 * A {@link DropoutSpec} at work: in a training pass ({@link LayerPass#training}) multiplies the layer
 * below's outputs by the step's mask ({@link DropoutMask}) and its delta by the same mask on the way
 * back; in inference (evaluate, predict, score) copies them unchanged. Host loops: a mask of 512 x 16
 * values is cheaper to draw and apply here than through native calls.
 */
final class DropoutLayer implements Layer {
    private final int index;
    private final DropoutSpec shape;
    private final int offset;
    /** The last training pass's mask, kept for its backward step; grows to the largest batch. */
    private float[] scale = new float[0];

    DropoutLayer(LayerPlace place, DropoutSpec shape) {
        this.index = place.index();
        this.shape = shape;
        this.offset = place.offset();
    }

    @Override
    public int offset() {
        return offset;
    }

    @Override
    public int parameterCount() {
        return 0;
    }

    /** Reads no parameters: past any block, so the network stages from its other layers. */
    @Override
    public int stagedFrom() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void initialize(float[] params, SplittableRandom random) {
        // no parameters, and nothing drawn: adding a dropout layer leaves the other layers' initial values as they were
    }

    @Override
    public void forward(LayerPass pass) {
        int n = pass.rows() * shape.units();
        HostValues in = pass.buffers().activationValues(index - 1);
        HostValues out = pass.buffers().activationValues(index);
        if (!pass.training() || shape.rate() == 0) {
            for (int i = 0; i < n; i++) {
                out.set(i, in.get(i));
            }
            return;
        }
        if (scale.length < n) {
            scale = new float[n];
        }
        DropoutMask.fill(pass.maskSeed(), index, shape.rate(), scale, n);
        for (int i = 0; i < n; i++) {
            out.set(i, (float) in.get(i) * scale[i]);
        }
    }

    /** {@code dL/d(input) = mask * dL/d(output)}; a training pass's mask, or 1 where rate is 0. */
    @Override
    public void backward(LayerPass pass) {
        int n = pass.rows() * shape.units();
        HostValues below = pass.buffers().deltaValues(index - 1);
        HostValues delta = pass.buffers().deltaValues(index);
        boolean masked = pass.training() && shape.rate() > 0;
        for (int i = 0; i < n; i++) {
            below.set(i, masked ? (float) delta.get(i) * scale[i] : delta.get(i));
        }
    }
}
