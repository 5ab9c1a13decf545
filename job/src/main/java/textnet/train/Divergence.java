package textnet.train;

import textnet.nn.Loss;
import textnet.nn.NetworkSpec;

/**
 * When to stop a run as diverged (exit 5) rather than carry on: a loss or parameter that is NaN or
 * infinite (Keras's TerminateOnNaN), or a cross-entropy over 10,000 times that of guessing
 * uniformly ({@code ln classes}). The losses here are computed from logits and never overflow, so an
 * exploding run (learning rate 1e3: a mean loss of 1e15) stays finite where Keras would reach NaN;
 * no trained model is anywhere near that bound.
 */
final class Divergence {

    private static final double TIMES_CHANCE = 1e4;

    private Divergence() {
    }

    static boolean of(NetworkSpec spec, double meanLoss, float[] parameters) {
        if (!Double.isFinite(meanLoss)) {
            return true;
        }
        if (spec.loss() != Loss.MSE && meanLoss > TIMES_CHANCE * Math.log(Math.max(2, spec.outputUnits()))) {
            return true;
        }
        for (float p : parameters) {
            if (!Float.isFinite(p)) {
                return true;
            }
        }
        return false;
    }
}
