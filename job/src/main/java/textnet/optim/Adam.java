package textnet.optim;

/**
 * Adam as Keras 3 defines it (keras/src/optimizers/adam.py, no amsgrad):
 * {@code m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;
 * p -= lr sqrt(1-b2^t)/(1-b1^t) * m / (sqrt(v) + eps)}, the bias correction folded into the step size
 * (so eps is not bias-corrected, unlike the paper's Algorithm 1). State: {@code m} then {@code v}, 2P values.
 */
public final class Adam extends ElementwiseOptimizer {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public int stateSize(int parameterCount) {
        return 2 * parameterCount;
    }

    private double stepSize(long iteration) {
        if (iteration < 1) {
            throw new IllegalArgumentException("Adam's iteration count starts at 1, got " + iteration);
        }
        return learningRate * Math.sqrt(1 - Math.pow(beta2, iteration)) / (1 - Math.pow(beta1, iteration));
    }

    @Override
    void update(float[] p, float[] g, float[] mv, int n, long iteration) {
        float alpha = (float) stepSize(iteration);
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        for (int i = 0; i < n; i++) {
            float m = mv[i] = b1 * mv[i] + (1 - b1) * g[i];
            float v = mv[n + i] = b2 * mv[n + i] + (1 - b2) * g[i] * g[i];
            p[i] -= alpha * m / ((float) Math.sqrt(v) + eps);
        }
    }
}
