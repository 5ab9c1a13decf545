package textnet.optim;

/**
 * SGD with optional momentum as Keras 3 defines it (keras/src/optimizers/sgd.py, no Nesterov):
 * {@code velocity = momentum velocity - lr g;  p += velocity}; with momentum 0 plain {@code p -= lr g}
 * and no state.
 */
public final class Sgd extends ElementwiseOptimizer {
    private final double learningRate;
    private final double momentum;

    public Sgd(double learningRate, double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public int stateSize(int parameterCount) {
        return momentum == 0 ? 0 : parameterCount;
    }

    @Override
    void update(float[] p, float[] g, float[] velocity, int n, long iteration) {
        float lr = (float) learningRate;
        float mu = (float) momentum;
        if (velocity == null) {
            for (int i = 0; i < n; i++) {
                p[i] -= lr * g[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            velocity[i] = mu * velocity[i] - lr * g[i];
            p[i] += velocity[i];
        }
    }
}
