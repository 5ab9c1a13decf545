package textnet.nn;

import org.junit.jupiter.api.Test;

import textnet.text.MultiHotBatch;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dropout's contract: masks are a pure function of (seed, epoch, replica, step) and the layer; a mask
 * drops about {@code rate} of the values and scales the rest by {@code 1 / (1 - rate)}; inference
 * (evaluate, predict, score) is the identity; a network without dropout trains as before.
 */
class DropoutLayerTest {
    private static final int[][] ROWS = {{0, 2, 5}, {1, 2}, {3, 4, 6}, {0, 6}};

    private static float[] mask(long stepSeed, int layer, double rate, int n) {
        float[] scale = new float[n];
        DropoutMask.fill(stepSeed, layer, rate, scale, n);
        return scale;
    }

    @Test
    void sameSeedEpochReplicaStepGiveTheSameMask() {
        assertEquals(DropoutMask.stepSeed(42, 2, 1, 9), DropoutMask.stepSeed(42, 2, 1, 9));
        assertArrayEquals(mask(DropoutMask.stepSeed(42, 2, 1, 9), 1, 0.5, 512 * 16),
                mask(DropoutMask.stepSeed(42, 2, 1, 9), 1, 0.5, 512 * 16));
    }

    @Test
    void anotherStepEpochReplicaSeedOrLayerGivesAnotherMask() {
        float[] mask = mask(DropoutMask.stepSeed(42, 2, 1, 9), 1, 0.5, 512 * 16);
        assertFalse(java.util.Arrays.equals(mask, mask(DropoutMask.stepSeed(42, 2, 1, 10), 1, 0.5, 512 * 16)));
        assertFalse(java.util.Arrays.equals(mask, mask(DropoutMask.stepSeed(42, 3, 1, 9), 1, 0.5, 512 * 16)));
        assertFalse(java.util.Arrays.equals(mask, mask(DropoutMask.stepSeed(42, 2, 0, 9), 1, 0.5, 512 * 16)));
        assertFalse(java.util.Arrays.equals(mask, mask(DropoutMask.stepSeed(43, 2, 1, 9), 1, 0.5, 512 * 16)));
        assertFalse(java.util.Arrays.equals(mask, mask(DropoutMask.stepSeed(42, 2, 1, 9), 3, 0.5, 512 * 16)));
    }

    @Test
    void dropsAboutRateAndScalesTheKeptOnes() {
        float[] mask = mask(DropoutMask.stepSeed(1, 0, 0, 0), 1, 0.3, 100_000);
        int dropped = 0;
        for (float m : mask) {
            if (m == 0) {
                dropped++;
            } else {
                assertEquals((float) (1 / 0.7), m);
            }
        }
        assertEquals(0.3, dropped / 100_000.0, 0.01);
    }

    private static NetworkSpec spec(boolean dropout) {
        List<LayerSpec> layers = dropout
                ? List.of(new DenseSpec(7, 5, Activation.RELU), new DropoutSpec(5, 0.5), new DenseSpec(5, 1, Activation.SIGMOID))
                : List.of(new DenseSpec(7, 5, Activation.RELU), new DenseSpec(5, 1, Activation.SIGMOID));
        return new NetworkSpec(7, layers, Loss.BINARY_CROSSENTROPY, true);
    }

    /** Same parameters (a dropout layer has none and draws none): inference with dropout == without it, bit for bit. */
    @Test
    void inferenceIsTheIdentity() {
        Network with = new Network(spec(true));
        Network without = new Network(spec(false));
        float[] params = with.initialParameters(5);
        assertArrayEquals(without.initialParameters(5), params);
        MultiHotBatch batch = Batches.of(ROWS, 1, 0, 0, 1);
        assertArrayEquals(without.predict(params, batch), with.predict(params, batch));
        assertEquals(without.evaluate(params, batch), with.evaluate(params, batch));
        assertArrayEquals(without.score(params, batch).outputs(), with.score(params, batch).outputs());
    }

    /** The 4-argument step is inference for dropout; the 5-argument one trains with the seed's masks. */
    @Test
    void theTrainingStepUsesTheMaskAndTheFourArgumentStepDoesNot() {
        Network with = new Network(spec(true));
        Network without = new Network(spec(false));
        float[] params = with.initialParameters(5);
        MultiHotBatch batch = Batches.of(ROWS, 1, 0, 0, 1);
        float[] g0 = new float[params.length];
        float[] g1 = new float[params.length];
        assertEquals(without.lossAndGradient(params, batch, g0, null), with.lossAndGradient(params, batch, g1, null));
        assertArrayEquals(g0, g1);
        float[] a = new float[params.length];
        float[] b = new float[params.length];
        double lossA = with.lossAndGradient(params, batch, a, null, 77).lossSum();
        double lossB = with.lossAndGradient(params, batch, b, null, 77).lossSum();
        assertEquals(lossA, lossB);
        assertArrayEquals(a, b);
        assertTrue(lossA != without.evaluate(params, batch).lossSum());
    }

    @Test
    void aDropoutLayerNeedsADenseLayerBelowAndAbove() {
        assertThrows(IllegalArgumentException.class, () -> new Network(new NetworkSpec(7,
                List.of(new DropoutSpec(7, 0.5), new DenseSpec(7, 1, Activation.SIGMOID)), Loss.BINARY_CROSSENTROPY, true)));
        assertThrows(IllegalArgumentException.class, () -> new DropoutSpec(5, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new DropoutSpec(5, -0.1));
    }
}
