package textnet.optim;

/**
 * RMSprop as Keras 3 defines it (keras/src/optimizers/rmsprop.py, no momentum, not centered):
 * {@code v = rho v + (1 - rho) g^2;  p -= lr g / sqrt(v + eps)}. State: {@code v}, P values.
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

    @Override
    void update(float[] p, float[] g, float[] v, int n, long iteration) {
        float lr = (float) learningRate;
        float rho = (float) this.rho;
        float eps = (float) epsilon;
        for (int i = 0; i < n; i++) {
            v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
            p[i] -= lr * g[i] / (float) Math.sqrt(v[i] + eps);
        }
    }

    @Override
    void update(double[] p, double[] g, double[] v, int n, long iteration) {
        for (int i = 0; i < n; i++) {
            v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
            p[i] -= learningRate * g[i] / Math.sqrt(v[i] + epsilon);
        }
    }
}
