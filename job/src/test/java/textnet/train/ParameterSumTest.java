package textnet.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ParameterSumTest {

    @Test
    void averagesParametersAndStateWeightedByRows() {
        TrainingState before = new TrainingState(new float[2], new float[1], 10);
        ParameterSum a = new ParameterSum().add(new PartitionResult(0, new float[]{1f, 2f}, new float[]{4f}, 3, 300, 30.0, 150));
        ParameterSum b = new ParameterSum().add(new PartitionResult(1, new float[]{3f, 6f}, new float[]{8f}, 1, 100, 20.0, 90));
        ParameterSum sum = a.merge(b);
        TrainingState after = sum.average(before);
        assertArrayEquals(new float[]{1.5f, 3f}, after.parameters());
        assertArrayEquals(new float[]{5f}, after.optimizerState());
        assertEquals(10 + Math.round((3 * 300 + 1 * 100) / 400.0), after.iteration());
        assertEquals(50.0 / 400, sum.meanLoss());
        assertEquals(240.0 / 400, sum.accuracy());
    }

    @Test
    void onePartitionIsExactlyItsOwnParameters() {
        float[] params = {0.1f, -3.3333333f, 1e-20f, 123456.7f, Float.MIN_NORMAL};
        TrainingState after = new ParameterSum()
                .add(new PartitionResult(0, params, params.clone(), 49, 25_000, 1, 1))
                .average(new TrainingState(params, params, 0));
        assertArrayEquals(params, after.parameters());
        assertArrayEquals(params, after.optimizerState());
        assertEquals(49, after.iteration());
    }

    @Test
    void emptyPartitionsAreIgnored() {
        ParameterSum sum = new ParameterSum()
                .add(new PartitionResult(0, new float[]{9f}, new float[0], 0, 0, 0, 0))
                .merge(new ParameterSum().add(new PartitionResult(1, new float[]{2f}, new float[0], 1, 5, 1, 1)));
        assertArrayEquals(new float[]{2f}, sum.average(new TrainingState(new float[1], new float[0], 0)).parameters());
    }

    /**
     * Spark merges partial sums in the order tasks finish; the average must not depend on it. Values
     * of very different magnitudes make a different association order change the rounded sum.
     */
    @Test
    void anyMergeOrderGivesTheSameBits() {
        int partitions = 7;
        Random random = new Random(3);
        List<PartitionResult> results = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            float[] params = new float[50];
            for (int i = 0; i < params.length; i++) {
                params[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6));
            }
            // cancellation: (1e30 + -1e30) + 1 = 1, but (1e30 + 1) + -1e30 = 0
            params[0] = p == 0 ? 1e30f : p == 1 ? -1e30f : 1f;
            results.add(new PartitionResult(p, params, params.clone(), 10 + p, 1000, p, p));
        }
        TrainingState before = new TrainingState(new float[50], new float[50], 0);
        float[] reference = null;
        boolean someOrderWouldDiffer = false;
        for (int trial = 0; trial < 200; trial++) {
            List<ParameterSum> pending = new ArrayList<>();
            List<PartitionResult> shuffled = new ArrayList<>(results);
            Collections.shuffle(shuffled, random);
            for (PartitionResult r : shuffled) {
                pending.add(new ParameterSum().add(r));
            }
            while (pending.size() > 1) { // merge random pairs, as task completion would
                ParameterSum a = pending.remove(random.nextInt(pending.size()));
                ParameterSum b = pending.remove(random.nextInt(pending.size()));
                pending.add(a.merge(b));
            }
            float[] averaged = pending.get(0).average(before).parameters();
            if (reference == null) {
                reference = averaged;
            }
            assertArrayEquals(reference, averaged, "merge order changed the average (trial " + trial + ")");
            someOrderWouldDiffer |= !java.util.Arrays.equals(naiveAverage(shuffled), naiveAverage(results));
        }
        // the test data is such that adding in task order really would have differed
        org.junit.jupiter.api.Assertions.assertTrue(someOrderWouldDiffer, "the data should expose order dependence");
    }

    private static float[] naiveAverage(List<PartitionResult> inOrder) {
        double[] sum = new double[inOrder.get(0).parameters().length];
        long rows = 0;
        for (PartitionResult r : inOrder) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += (double) r.parameters()[i] * r.rows();
            }
            rows += r.rows();
        }
        float[] out = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = (float) (sum[i] / rows);
        }
        return out;
    }
}
