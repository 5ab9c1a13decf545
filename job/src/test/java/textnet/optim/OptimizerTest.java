package textnet.optim;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import textnet.JobException;
import textnet.config.OptimizerConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One and two steps of each rule on two parameters, against the Keras formulas worked by hand. */
class OptimizerTest {
    private static final double EPS = 1e-7;

    private static INDArray row(double... values) {
        return Nd4j.createFromArray(values).reshape(1, values.length);
    }

    @Test
    void rmsPropStep() {
        Optimizer rmsprop = new RmsProp(0.001, 0.9, EPS);
        INDArray params = row(1.0, -2.0);
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, rmsprop.stateSize(2));
        rmsprop.step(params, row(0.5, -0.1), state, 1);
        // v = 0.1 g^2 = (0.025, 0.001); p -= 0.001 g / sqrt(v + 1e-7)
        assertArrayEquals(new double[]{0.025, 0.001}, state.toDoubleVector(), 1e-15);
        assertArrayEquals(new double[]{1 - 0.001 * 0.5 / Math.sqrt(0.0250001), -2 + 0.001 * 0.1 / Math.sqrt(0.0010001)},
                params.toDoubleVector(), 1e-15);
        assertEquals(0.99683772866, params.getDouble(0, 0), 1e-10);

        rmsprop.step(params, row(0.5, -0.1), state, 2);
        // v = 0.9 * 0.025 + 0.1 * 0.25 = 0.0475
        assertEquals(0.0475, state.getDouble(0, 0), 1e-15);
        assertEquals(0.99683772866 - 0.001 * 0.5 / Math.sqrt(0.0475001), params.getDouble(0, 0), 1e-10);
    }

    @Test
    void adamFirstTwoSteps() {
        Optimizer adam = new Adam(0.001, 0.9, 0.999, EPS);
        INDArray params = row(1.0, -2.0);
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, adam.stateSize(2));
        adam.step(params, row(0.5, -0.1), state, 1);
        // t=1: m = 0.1 g, v = 0.001 g^2, step = 0.001 sqrt(0.001) / 0.1; p -= step m / (sqrt(v) + eps)
        double step1 = 0.001 * Math.sqrt(0.001) / 0.1;
        double p0 = 1 - step1 * 0.05 / (Math.sqrt(0.00025) + EPS);
        double p1 = -2 - step1 * -0.01 / (Math.sqrt(0.00001) + EPS);
        assertArrayEquals(new double[]{0.05, -0.01, 0.00025, 0.00001}, state.toDoubleVector(), 1e-15);
        assertArrayEquals(new double[]{p0, p1}, params.toDoubleVector(), 1e-15);
        assertEquals(1 - 0.001, p0, 1e-8); // Adam's first step is ~lr * sign(g)

        adam.step(params, row(0.2, 0.3), state, 2);
        // t=2: m = 0.9 m + 0.1 g, v = 0.999 v + 0.001 g^2, step = 0.001 sqrt(1 - 0.999^2) / (1 - 0.9^2)
        double m0 = 0.9 * 0.05 + 0.02;
        double m1 = 0.9 * -0.01 + 0.03;
        double v0 = 0.999 * 0.00025 + 0.001 * 0.04;
        double v1 = 0.999 * 0.00001 + 0.001 * 0.09;
        double step2 = 0.001 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.81);
        assertArrayEquals(new double[]{m0, m1, v0, v1}, state.toDoubleVector(), 1e-15);
        assertArrayEquals(new double[]{p0 - step2 * m0 / (Math.sqrt(v0) + EPS), p1 - step2 * m1 / (Math.sqrt(v1) + EPS)},
                params.toDoubleVector(), 1e-15);
    }

    @Test
    void plainSgdNeedsNoState() {
        Optimizer sgd = new Sgd(0.1, 0);
        assertEquals(0, sgd.stateSize(2));
        INDArray params = row(1.0, -2.0);
        sgd.step(params, row(0.5, -0.1), null, 1);
        assertArrayEquals(new double[]{0.95, -1.99}, params.toDoubleVector(), 1e-15);
    }

    @Test
    void sgdWithMomentum() {
        Optimizer sgd = new Sgd(0.1, 0.9);
        INDArray params = row(1.0, -2.0);
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, sgd.stateSize(2));
        sgd.step(params, row(0.5, -0.1), state, 1);
        // velocity = -lr g = (-0.05, 0.01)
        assertArrayEquals(new double[]{-0.05, 0.01}, state.toDoubleVector(), 1e-15);
        assertArrayEquals(new double[]{0.95, -1.99}, params.toDoubleVector(), 1e-15);
        sgd.step(params, row(0.2, 0.3), state, 2);
        // velocity = 0.9 (-0.05, 0.01) - 0.1 (0.2, 0.3) = (-0.065, -0.021)
        assertArrayEquals(new double[]{-0.065, -0.021}, state.toDoubleVector(), 1e-15);
        assertArrayEquals(new double[]{0.885, -2.011}, params.toDoubleVector(), 1e-15);
    }

    @Test
    void floatStateViewsAtAnOffset() {
        // the driver may keep parameters and state in one array; views at an offset must work
        INDArray both = Nd4j.zeros(DataType.FLOAT, 1, 4);
        INDArray params = both.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2)).reshape(1, 2).assign(1);
        INDArray state = both.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 4)).reshape(1, 2);
        new RmsProp(0.001, 0.9, EPS).step(params, Nd4j.createFromArray(0.5f, -0.1f).reshape(1, 2), state, 1);
        assertArrayEquals(new float[]{0.99683774f, 1.0031621f, 0.025f, 0.001f}, both.toFloatVector(), 1e-6f);
    }

    @Test
    void ofReadsTheConfigName() {
        assertInstanceOf(RmsProp.class, Optimizer.of(new OptimizerConfig("rmsprop", 0.001, 0.9, 0, 0.9, 0.999, EPS)));
        assertInstanceOf(Adam.class, Optimizer.of(new OptimizerConfig("adam", 0.001, 0.9, 0, 0.9, 0.999, EPS)));
        assertInstanceOf(Sgd.class, Optimizer.of(new OptimizerConfig("sgd", 0.01, 0.9, 0, 0.9, 0.999, EPS)));
        assertThrows(JobException.class, () -> Optimizer.of(new OptimizerConfig("lbfgs", 0.01, 0.9, 0, 0.9, 0.999, EPS)));
    }
}
