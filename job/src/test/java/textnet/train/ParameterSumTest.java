package textnet.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ParameterSumTest {

    @Test
    void averagesParametersAndStateWeightedByRows() {
        TrainingState before = new TrainingState(new float[2], new float[1], 10);
        ParameterSum a = new ParameterSum().add(new PartitionResult(new float[]{1f, 2f}, new float[]{4f}, 3, 300, 30.0, 150));
        ParameterSum b = new ParameterSum().add(new PartitionResult(new float[]{3f, 6f}, new float[]{8f}, 1, 100, 20.0, 90));
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
                .add(new PartitionResult(params, params.clone(), 49, 25_000, 1, 1))
                .average(new TrainingState(params, params, 0));
        assertArrayEquals(params, after.parameters());
        assertArrayEquals(params, after.optimizerState());
        assertEquals(49, after.iteration());
    }

    @Test
    void emptyPartitionsAreIgnored() {
        ParameterSum sum = new ParameterSum()
                .add(new PartitionResult(new float[]{9f}, new float[0], 0, 0, 0, 0))
                .merge(new ParameterSum().add(new PartitionResult(new float[]{2f}, new float[0], 1, 5, 1, 1)));
        assertArrayEquals(new float[]{2f}, sum.average(new TrainingState(new float[1], new float[0], 0)).parameters());
    }
}
