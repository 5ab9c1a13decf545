package textnet.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Predictions apply the output activation on the heap; it must be the same function as ND4J's. */
class HeapActivationTest {

    @Test
    void heapActivationsMatchNd4js() {
        Random random = new Random(11);
        int rows = 7;
        int units = 5;
        float[] z = new float[rows * units];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (random.nextGaussian() * 6);
        }
        z[3] = 90f; // saturated: exp overflow must not turn into NaN
        z[4] = -90f;
        for (Activation a : Activation.values()) {
            INDArray nd = Nd4j.create(z.clone(), new long[] {rows, units}, DataType.FLOAT);
            a.applyInPlace(nd);
            float[] heap = z.clone();
            a.applyInPlace(heap, units);
            float[] expected = nd.dup().data().asFloat();
            for (int i = 0; i < z.length; i++) {
                assertEquals(expected[i], heap[i], 1e-6, a + " at " + i);
            }
            if (a == Activation.SOFTMAX) {
                for (int r = 0; r < rows; r++) {
                    double sum = 0;
                    for (int u = 0; u < units; u++) {
                        sum += heap[r * units + u];
                    }
                    assertEquals(1.0, sum, 1e-6);
                }
            }
        }
    }
}
