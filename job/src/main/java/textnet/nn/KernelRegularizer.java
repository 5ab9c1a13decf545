package textnet.nn;

/**
 * Keras's {@code regularizers.L1L2(l1, l2)} on a Dense kernel: the loss gains
 * {@code l1 * sum|W| + l2 * sum W^2} (the bias is not regularized), whose gradient is
 * {@code l1 * sign(W) + 2 * l2 * W}. Keras adds the penalty once per batch to the batch's mean loss,
 * in training and in {@code model.evaluate} alike (Keras 3's {@code Trainer.compute_loss} adds
 * {@code self.losses}); {@link Network} does the same. {@link #NONE} adds nothing and leaves every
 * result bit for bit as without a regularizer.
 */
public record KernelRegularizer(double l1, double l2) implements java.io.Serializable {

    public static final KernelRegularizer NONE = new KernelRegularizer(0, 0);

    public KernelRegularizer {
        if (!(l1 >= 0 && l2 >= 0 && Double.isFinite(l1) && Double.isFinite(l2))) {
            throw new IllegalArgumentException("regularization factors must be finite and non-negative: l1 " + l1 + ", l2 " + l2);
        }
    }

    public boolean active() {
        return l1 > 0 || l2 > 0;
    }

    /** {@code l1 * sum|W| + l2 * sum W^2} over {@code count} kernel values at {@code offset}, summed in double. */
    double penalty(float[] params, int offset, int count) {
        double abs = 0;
        double squares = 0;
        for (int i = offset; i < offset + count; i++) {
            double w = params[i];
            abs += Math.abs(w);
            squares += w * w;
        }
        return l1 * abs + l2 * squares;
    }

    /** Adds {@code l1 * sign(W) + 2 * l2 * W} to the kernel's gradient (sign(0) = 0, as Keras's). */
    void addGradient(float[] params, float[] grad, int offset, int count) {
        float a = (float) l1;
        float b = (float) (2 * l2);
        for (int i = offset; i < offset + count; i++) {
            float w = params[i];
            grad[i] += a * Math.signum(w) + b * w;
        }
    }
}
