package textnet.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import textnet.config.ActivationName;
import textnet.config.LossName;
import textnet.text.MultiHotBatch;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loss values and deltas against numbers worked out by hand, including saturated logits. */
class LossTest {

    private static double[] run(Loss loss, double[][] out, int[] labels, double[] deltaOut) {
        INDArray outputs = Nd4j.create(out);
        INDArray delta = Nd4j.create(DataType.DOUBLE, out.length, out[0].length);
        double sum = loss.lossSum(HostValues.of(outputs), labels, out.length, out[0].length, HostValues.of(delta), 1.0);
        double[] flat = delta.reshape(delta.length()).toDoubleVector();
        System.arraycopy(flat, 0, deltaOut, 0, flat.length);
        return new double[]{sum};
    }

    @Test
    void binaryCrossEntropyFromLogits() {
        double[] delta = new double[4];
        double sum = run(Loss.BINARY_CROSSENTROPY, new double[][]{{0}, {2}, {50}, {-50}}, new int[]{1, 0, 0, 0}, delta)[0];
        // log 2 + (2 + log(1 + e^-2)) + (50 + log(1 + e^-50)) + log(1 + e^-50)
        double expected = Math.log(2) + 2.1269280110429727 + 50 + 2 * Math.exp(-50);
        assertEquals(expected, sum, 1e-12);
        assertArrayEquals(new double[]{-0.5, 0.8807970779778823, 1.0, 1.9287498479639178e-22}, delta, 1e-15);
    }

    @Test
    void categoricalCrossEntropyFromLogits() {
        double[] delta = new double[6];
        double sum = run(Loss.CATEGORICAL_CROSSENTROPY, new double[][]{{1, 2, 3}, {50, -50, 0}}, new int[]{0, 1}, delta)[0];
        // row 0: log(e + e^2 + e^3) - 1 = 2.4076059644443804; row 1: 50 + log(1 + e^-100 + e^-50) + 50 ~ 100
        assertEquals(2.4076059644443804 + 100, sum, 1e-12);
        assertArrayEquals(new double[]{0.09003057317038046 - 1, 0.24472847105479764, 0.6652409557748219,
                1, -1, Math.exp(-50)}, delta, 1e-15);
        assertTrue(Double.isFinite(sum));
    }

    @Test
    void meanSquaredErrorAveragesOverUnits() {
        double[] delta = new double[4];
        double sum = run(Loss.MSE, new double[][]{{0.2, 0.7}, {0.4, 0.9}}, new int[]{1, 0}, delta)[0];
        // row 0 target (0,1): (0.04 + 0.09) / 2; row 1 target (1,0): (0.36 + 0.81) / 2
        assertEquals(0.065 + 0.585, sum, 1e-12);
        assertArrayEquals(new double[]{0.2, -0.3, -0.6, 0.9}, delta, 1e-12);

        double[] binaryDelta = new double[2];
        assertEquals(0.09 + 0.16, run(Loss.MSE, new double[][]{{0.7}, {0.4}}, new int[]{1, 0}, binaryDelta)[0], 1e-12);
        assertArrayEquals(new double[]{-0.6, 0.8}, binaryDelta, 1e-12);
    }

    /** A network whose logits are ±50 reports finite losses and probabilities, in float and in the double reference. */
    @Test
    void saturatedNetworkStaysFinite() {
        NetworkSpec spec = new NetworkSpec(2, List.of(new DenseSpec(2, 1, Activation.SIGMOID)),
                Loss.BINARY_CROSSENTROPY, true);
        MultiHotBatch batch = Batches.of(new int[][]{{0}, {1}, {0}, {1}}, 1, 0, 0, 1);
        Network network = new Network(spec);
        float[] params = {50, -50, 0}; // W = (50, -50), b = 0
        float[] grad = new float[3];
        BatchStats stats = network.lossAndGradient(params, batch, grad);
        assertEquals(100, stats.lossSum(), 1e-4);
        assertEquals(2, stats.correct());
        for (float g : grad) {
            assertTrue(Float.isFinite(g));
        }
        assertArrayEquals(new float[]{0.25f, -0.25f, 0}, grad, 1e-6f);
        assertArrayEquals(new float[]{1, 0, 1, 0}, network.predict(params, batch), 1e-6f);

        double[] exactGrad = new double[3];
        assertEquals(100, new ReferenceNetwork(spec).lossAndGradient(new double[]{50, -50, 0}, batch, exactGrad), 1e-4);
        for (double g : exactGrad) {
            assertTrue(Double.isFinite(g));
        }
        assertArrayEquals(new double[]{0.25, -0.25, 0}, exactGrad, 1e-6);
    }

    @Test
    void softmaxActivationNormalisesEachRow() {
        INDArray z = Nd4j.create(new double[][]{{1, 2, 3}, {1000, 1000, 1000}});
        Activation.SOFTMAX.applyInPlace(z);
        assertArrayEquals(new double[]{0.09003057317038046, 0.24472847105479764, 0.6652409557748219}, z.getRow(0).toDoubleVector(), 1e-12);
        assertArrayEquals(new double[]{1 / 3.0, 1 / 3.0, 1 / 3.0}, z.getRow(1).toDoubleVector(), 1e-12);
    }

    @Test
    void namesFollowTheConfig() {
        assertEquals(Loss.BINARY_CROSSENTROPY, Loss.of("binary-crossentropy"));
        assertEquals(Loss.CATEGORICAL_CROSSENTROPY, Loss.of("categorical-crossentropy"));
        assertEquals(Loss.MSE, Loss.of("mse"));
        for (String name : List.of("relu", "sigmoid", "tanh", "softmax", "linear")) {
            assertEquals(name, Activation.of(name).configName());
        }
        for (LossName name : LossName.values()) {
            assertEquals(name.key(), Loss.of(name).configName(), "each config name has its loss");
        }
        for (ActivationName name : ActivationName.values()) {
            assertEquals(name.key(), Activation.of(name).configName(), "each config name has its activation");
        }
    }
}
