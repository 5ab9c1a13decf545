package textnet.optim;

import org.junit.jupiter.api.Test;
import textnet.JobException;
import textnet.config.OptimizerConfig;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * One and two steps of each rule on two parameters, against the Keras formulas worked by hand: the
 * double-precision {@link ReferenceRules}, then the production float rules against those.
 */
class OptimizerTest {
    private static final double EPS = 1e-7;

    private static double[] row(double... values) {
        return values;
    }

    @Test
    void rmsPropStep() {
        ReferenceRules.Rule rmsprop = ReferenceRules.rmsProp(0.001, 0.9, EPS);
        double[] params = row(1.0, -2.0);
        double[] state = new double[new RmsProp(0.001, 0.9, EPS).stateSize(2)];
        rmsprop.step(params, row(0.5, -0.1), state, 1);
        // v = 0.1 g^2 = (0.025, 0.001); p -= 0.001 g / sqrt(v + 1e-7)
        assertArrayEquals(new double[]{0.025, 0.001}, state, 1e-15);
        assertArrayEquals(new double[]{1 - 0.001 * 0.5 / Math.sqrt(0.0250001), -2 + 0.001 * 0.1 / Math.sqrt(0.0010001)},
                params, 1e-15);
        assertEquals(0.99683772866, params[0], 1e-10);

        rmsprop.step(params, row(0.5, -0.1), state, 2);
        // v = 0.9 * 0.025 + 0.1 * 0.25 = 0.0475
        assertEquals(0.0475, state[0], 1e-15);
        assertEquals(0.99683772866 - 0.001 * 0.5 / Math.sqrt(0.0475001), params[0], 1e-10);
    }

    @Test
    void adamFirstTwoSteps() {
        ReferenceRules.Rule adam = ReferenceRules.adam(0.001, 0.9, 0.999, EPS);
        double[] params = row(1.0, -2.0);
        double[] state = new double[new Adam(0.001, 0.9, 0.999, EPS).stateSize(2)];
        adam.step(params, row(0.5, -0.1), state, 1);
        // t=1: m = 0.1 g, v = 0.001 g^2, step = 0.001 sqrt(0.001) / 0.1; p -= step m / (sqrt(v) + eps)
        double step1 = 0.001 * Math.sqrt(0.001) / 0.1;
        double p0 = 1 - step1 * 0.05 / (Math.sqrt(0.00025) + EPS);
        double p1 = -2 - step1 * -0.01 / (Math.sqrt(0.00001) + EPS);
        assertArrayEquals(new double[]{0.05, -0.01, 0.00025, 0.00001}, state, 1e-15);
        assertArrayEquals(new double[]{p0, p1}, params, 1e-15);
        assertEquals(1 - 0.001, p0, 1e-8); // Adam's first step is ~lr * sign(g)

        adam.step(params, row(0.2, 0.3), state, 2);
        // t=2: m = 0.9 m + 0.1 g, v = 0.999 v + 0.001 g^2, step = 0.001 sqrt(1 - 0.999^2) / (1 - 0.9^2)
        double m0 = 0.9 * 0.05 + 0.02;
        double m1 = 0.9 * -0.01 + 0.03;
        double v0 = 0.999 * 0.00025 + 0.001 * 0.04;
        double v1 = 0.999 * 0.00001 + 0.001 * 0.09;
        double step2 = 0.001 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.81);
        assertArrayEquals(new double[]{m0, m1, v0, v1}, state, 1e-15);
        assertArrayEquals(new double[]{p0 - step2 * m0 / (Math.sqrt(v0) + EPS), p1 - step2 * m1 / (Math.sqrt(v1) + EPS)},
                params, 1e-15);
    }

    @Test
    void plainSgdNeedsNoState() {
        assertEquals(0, new Sgd(0.1, 0).stateSize(2));
        ReferenceRules.Rule sgd = ReferenceRules.sgd(0.1, 0);
        double[] params = row(1.0, -2.0);
        sgd.step(params, row(0.5, -0.1), null, 1);
        assertArrayEquals(new double[]{0.95, -1.99}, params, 1e-15);
    }

    @Test
    void sgdWithMomentum() {
        ReferenceRules.Rule sgd = ReferenceRules.sgd(0.1, 0.9);
        double[] params = row(1.0, -2.0);
        double[] state = new double[new Sgd(0.1, 0.9).stateSize(2)];
        sgd.step(params, row(0.5, -0.1), state, 1);
        // velocity = -lr g = (-0.05, 0.01)
        assertArrayEquals(new double[]{-0.05, 0.01}, state, 1e-15);
        assertArrayEquals(new double[]{0.95, -1.99}, params, 1e-15);
        sgd.step(params, row(0.2, 0.3), state, 2);
        // velocity = 0.9 (-0.05, 0.01) - 0.1 (0.2, 0.3) = (-0.065, -0.021)
        assertArrayEquals(new double[]{-0.065, -0.021}, state, 1e-15);
        assertArrayEquals(new double[]{0.885, -2.011}, params, 1e-15);
    }

    @Test
    void floatStep() {
        // the production rule, in float, on the heap arrays training keeps
        float[] params = {1, 1};
        float[] state = new float[2];
        new RmsProp(0.001, 0.9, EPS).step(params, new float[]{0.5f, -0.1f}, state, 1, null);
        assertArrayEquals(new float[]{0.99683774f, 1.0031621f}, params, 1e-6f);
        assertArrayEquals(new float[]{0.025f, 0.001f}, state, 1e-6f);
    }

    /** Each production float rule against its double reference, over 5 steps of random gradients. */
    @Test
    void floatRulesFollowTheirReferences() {
        record Pair(Optimizer production, ReferenceRules.Rule reference) {
        }
        List<Pair> rules = List.of(
                new Pair(new RmsProp(0.001, 0.9, EPS), ReferenceRules.rmsProp(0.001, 0.9, EPS)),
                new Pair(new Adam(0.001, 0.9, 0.999, EPS), ReferenceRules.adam(0.001, 0.9, 0.999, EPS)),
                new Pair(new Sgd(0.1, 0.9), ReferenceRules.sgd(0.1, 0.9)),
                new Pair(new Sgd(0.1, 0), ReferenceRules.sgd(0.1, 0)));
        for (Pair rule : rules) {
            SplittableRandom random = new SplittableRandom(3);
            int n = 20;
            float[] p = new float[n];
            double[] exact = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = (float) random.nextDouble(-1, 1);
                exact[i] = p[i];
            }
            float[] state = new float[rule.production().stateSize(n)];
            double[] exactState = new double[state.length];
            for (int step = 1; step <= 5; step++) {
                float[] g = new float[n];
                double[] exactG = new double[n];
                for (int i = 0; i < n; i++) {
                    g[i] = (float) random.nextDouble(-1, 1);
                    exactG[i] = g[i];
                }
                rule.production().step(p, g, state, step, null);
                rule.reference().step(exact, exactG, exactState, step);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(exact[i], p[i], 1e-6, rule.production().getClass().getSimpleName() + " parameter " + i);
            }
            for (int i = 0; i < state.length; i++) {
                assertEquals(exactState[i], state[i], 1e-6, rule.production().getClass().getSimpleName() + " state " + i);
            }
        }
    }

    @Test
    void ofReadsTheConfigName() {
        assertInstanceOf(RmsProp.class, Optimizer.of(new OptimizerConfig("rmsprop", 0.001, 0.9, 0, 0.9, 0.999, EPS)));
        assertInstanceOf(Adam.class, Optimizer.of(new OptimizerConfig("adam", 0.001, 0.9, 0, 0.9, 0.999, EPS)));
        assertInstanceOf(Sgd.class, Optimizer.of(new OptimizerConfig("sgd", 0.01, 0.9, 0, 0.9, 0.999, EPS)));
        assertThrows(JobException.class, () -> Optimizer.of(new OptimizerConfig("lbfgs", 0.01, 0.9, 0, 0.9, 0.999, EPS)));
    }

    /** The config's state sizes (what ModelSize counts before training) are the rules' own. */
    @Test
    void everyRuleKeepsTheStateItsConfigNameSays() {
        for (textnet.config.OptimizerName name : textnet.config.OptimizerName.values()) {
            for (double momentum : new double[] {0, 0.9}) {
                OptimizerConfig c = new OptimizerConfig(name.key(), 0.01, 0.9, momentum, 0.9, 0.999, 1e-7);
                assertEquals(7 * name.statePerParameter(c), Optimizer.of(c).stateSize(7), name + " momentum " + momentum);
            }
        }
    }
}
