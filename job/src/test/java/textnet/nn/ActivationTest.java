package textnet.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Each activation's value and backprop against closed forms, in both precisions (training runs FLOAT). */
class ActivationTest {
    private static final double[][] Z = {{-2, -0.5, 0.25}, {0.5, 1.5, -1}};
    private static final double[][] UPSTREAM = {{0.3, -1.2, 0.7}, {2.0, 0.1, -0.4}};

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void valuesAndDerivatives(DataType dtype) {
        for (Activation activation : Activation.values()) {
            INDArray a = Nd4j.create(Z).castTo(dtype);
            activation.applyInPlace(a);
            INDArray delta = Nd4j.create(UPSTREAM).castTo(dtype);
            activation.backpropInPlace(a, delta, Nd4j.create(dtype, 2, 3));
            double[] expectedA = new double[6];
            double[] expectedDelta = new double[6];
            for (int r = 0; r < 2; r++) {
                double expSum = 0;
                for (double z : Z[r]) {
                    expSum += Math.exp(z);
                }
                double[] value = new double[3];
                for (int j = 0; j < 3; j++) {
                    double z = Z[r][j];
                    value[j] = switch (activation) {
                        case RELU -> Math.max(z, 0);
                        case SIGMOID -> 1 / (1 + Math.exp(-z));
                        case TANH -> Math.tanh(z);
                        case SOFTMAX -> Math.exp(z) / expSum;
                        case LINEAR -> z;
                    };
                }
                double weighted = 0; // softmax: sum_j a_j g_j
                for (int j = 0; j < 3; j++) {
                    weighted += value[j] * UPSTREAM[r][j];
                }
                for (int j = 0; j < 3; j++) {
                    double g = UPSTREAM[r][j];
                    double z = Z[r][j];
                    expectedA[r * 3 + j] = value[j];
                    expectedDelta[r * 3 + j] = switch (activation) {
                        case RELU -> z > 0 ? g : 0;
                        case SIGMOID -> g * value[j] * (1 - value[j]);
                        case TANH -> g * (1 - value[j] * value[j]);
                        case SOFTMAX -> value[j] * (g - weighted);
                        case LINEAR -> g;
                    };
                }
            }
            double tolerance = dtype == DataType.FLOAT ? 1e-6 : 1e-12;
            assertArrayEquals(expectedA, a.reshape(6).toDoubleVector(), tolerance, activation + " value");
            assertArrayEquals(expectedDelta, delta.reshape(6).toDoubleVector(), tolerance, activation + " backprop");
        }
    }
}
