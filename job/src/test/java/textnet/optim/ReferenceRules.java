package textnet.optim;

/**
 * The test oracle for the update rules: each Keras formula in double precision, the twin of the float
 * loop production runs ({@link RmsProp}, {@link Adam}, {@link Sgd}), line for line. OptimizerTest
 * checks these against the formulas worked by hand, and the production rules against these.
 */
final class ReferenceRules {

    /** One step over all of {@code p}; {@code state} as the production rule lays it out. */
    interface Rule {
        void step(double[] p, double[] g, double[] state, long iteration);
    }

    private ReferenceRules() {
    }

    /** {@code v = rho v + (1 - rho) g^2;  p -= lr g / sqrt(v + eps)}. */
    static Rule rmsProp(double learningRate, double rho, double epsilon) {
        return (p, g, v, iteration) -> {
            for (int i = 0; i < p.length; i++) {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                p[i] -= learningRate * g[i] / Math.sqrt(v[i] + epsilon);
            }
        };
    }

    /** Keras's Adam: the bias correction folded into the step size; state {@code m} then {@code v}. */
    static Rule adam(double learningRate, double beta1, double beta2, double epsilon) {
        return (p, g, mv, iteration) -> {
            int n = p.length;
            double alpha = learningRate * Math.sqrt(1 - Math.pow(beta2, iteration)) / (1 - Math.pow(beta1, iteration));
            for (int i = 0; i < n; i++) {
                double m = mv[i] = beta1 * mv[i] + (1 - beta1) * g[i];
                double v = mv[n + i] = beta2 * mv[n + i] + (1 - beta2) * g[i] * g[i];
                p[i] -= alpha * m / (Math.sqrt(v) + epsilon);
            }
        };
    }

    /** {@code velocity = momentum velocity - lr g;  p += velocity}; no state without momentum. */
    static Rule sgd(double learningRate, double momentum) {
        return (p, g, velocity, iteration) -> {
            for (int i = 0; i < p.length; i++) {
                if (momentum == 0) {
                    p[i] -= learningRate * g[i];
                } else {
                    velocity[i] = momentum * velocity[i] - learningRate * g[i];
                    p[i] += velocity[i];
                }
            }
        };
    }
}
