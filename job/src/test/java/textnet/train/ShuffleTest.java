package textnet.train;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ShuffleTest {

    @Test
    void aPermutationFixedBySeedEpochAndPartition() {
        int[] a = Shuffle.order(100, 42, 3, 1);
        assertArrayEquals(a, Shuffle.order(100, 42, 3, 1));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        int[] identity = new int[100];
        Arrays.setAll(identity, i -> i);
        assertArrayEquals(identity, sorted);
        assertFalse(Arrays.equals(a, Shuffle.order(100, 42, 4, 1)), "another epoch, another order");
        assertFalse(Arrays.equals(a, Shuffle.order(100, 42, 3, 0)), "another partition, another order");
        assertFalse(Arrays.equals(a, Shuffle.order(100, 43, 3, 1)), "another seed, another order");
    }
}
