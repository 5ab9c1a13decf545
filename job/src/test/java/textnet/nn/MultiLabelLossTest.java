package textnet.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import textnet.text.MultiHotBatch;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Multi-label binary cross-entropy and subset accuracy against hand computations. */
class MultiLabelLossTest {

    /**
     * One row, classes {0} of 2, logits (0, ln 3): sigmoid 1/2 and 3/4. Per unit: -ln(1/2) = ln 2 and
     * -ln(1 - 3/4) = ln 4; the row's loss is their mean, 1.5 ln 2. d/dz = (s - y) / units: (1/2 - 1) / 2
     * and (3/4 - 0) / 2.
     */
    @Test
    void lossAndDeltaAreKerasMeanOverClasses() {
        INDArray delta = Nd4j.create(DataType.DOUBLE, 1, 2);
        double[] rowLosses = new double[1];
        double sum = Loss.BINARY_CROSSENTROPY.lossSum(HostValues.of(Nd4j.create(new double[][]{{0, Math.log(3)}})),
                new int[]{0}, new int[]{0, 1}, 1, 2, HostValues.of(delta), 1.0, rowLosses, null);
        assertEquals(1.5 * Math.log(2), sum, 1e-15);
        assertEquals(sum, rowLosses[0]);
        assertArrayEquals(new double[]{-0.25, 0.375}, delta.toDoubleVector(), 1e-15);
    }

    @Test
    void onlyBinaryCrossEntropyTakesSetsOfClasses() {
        assertThrows(IllegalArgumentException.class, () -> Loss.CATEGORICAL_CROSSENTROPY.lossSum(
                HostValues.of(Nd4j.create(new double[][]{{0, 0}})), new int[]{0}, new int[]{0, 1}, 1, 2, null, 1.0, null, null));
    }

    /**
     * A network of one sigmoid layer with zero weights outputs its biases' sigmoids for every row:
     * biases (2, -2, 0) give p = (0.88, 0.12, 0.5), so the predicted set is {0} (0.5 is not above the
     * threshold). Rows {0}, {0, 2}, {}, {0}: two exact matches. Loss per row: mean over the classes of
     * log(1 + e^(-z)) for a true class, log(1 + e^z) for another.
     */
    @Test
    void subsetAccuracyCountsExactSets() {
        NetworkSpec spec = new NetworkSpec(7, List.of(new DenseSpec(7, 3, Activation.SIGMOID)),
                Loss.BINARY_CROSSENTROPY, true, true, 0.5);
        float[] params = new float[spec.parameterCount()];
        int bias = (int) spec.biasOffset(0);
        params[bias] = 2;
        params[bias + 1] = -2;
        params[bias + 2] = 0;
        MultiHotBatch batch = Batches.multiLabel(new int[][]{{0}, {1, 2}, {3}, {6}},
                new int[][]{{0}, {0, 2}, {}, {0}});

        BatchStats stats = new Network(spec).evaluate(params, batch);

        assertEquals(2, stats.correct());
        double hit = Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-2)) + Math.log(2); // {0}: true 0, false 1, false 2
        double twoTrue = Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-2)) + Math.log(2); // {0, 2}: same terms
        double none = Math.log1p(Math.exp(2)) + Math.log1p(Math.exp(-2)) + Math.log(2);
        assertEquals((hit + twoTrue + none + hit) / 3, stats.lossSum(), 1e-6);
        assertArrayEquals(new int[]{0}, PredictedClass.setOf(new Network(spec).predict(params, batch), 2, 3, 0.5));
    }

    @Test
    void aSingleLabelNetworkRefusesSetsOfClasses() {
        NetworkSpec spec = new NetworkSpec(7, List.of(new DenseSpec(7, 3, Activation.SIGMOID)),
                Loss.BINARY_CROSSENTROPY, true, true, 0.5);
        NetworkSpec single = new NetworkSpec(7, List.of(new DenseSpec(7, 3, Activation.SOFTMAX)),
                Loss.CATEGORICAL_CROSSENTROPY, true);
        MultiHotBatch sets = Batches.multiLabel(new int[][]{{0}}, new int[][]{{1}});
        assertThrows(IllegalArgumentException.class, () -> new Network(single).evaluate(new float[single.parameterCount()], sets));
        assertThrows(IllegalArgumentException.class, () -> new Network(spec).evaluate(new float[spec.parameterCount()],
                Batches.of(new int[][]{{0}}, 1)));
    }
}
