package textnet.nn;

import org.junit.jupiter.api.Test;
import textnet.JobException;
import textnet.config.ClassWeightConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train.class-weight} made concrete for the data's classes: balanced, a mapping, the refusals. */
class ClassWeightsTest {
    private static final List<String> LABELS = List.of("acq", "earn", "grain");

    /**
     * scikit-learn's compute_class_weight("balanced") by hand: 10 rows, 3 classes, counts 5, 4, 1:
     * 10 / (3 * 5) = 2/3, 10 / (3 * 4) = 5/6, 10 / (3 * 1) = 10/3.
     */
    @Test
    void balancedIsScikitLearnsFormula() {
        ClassWeights w = ClassWeights.of(new ClassWeightConfig(true, Map.of()), LABELS, new long[]{5, 4, 1});
        assertEquals(2.0 / 3, w.of(0), 1e-15);
        assertEquals(5.0 / 6, w.of(1), 1e-15);
        assertEquals(10.0 / 3, w.of(2), 1e-15);
        // the mean weight over the rows is 1: the weighted loss keeps the unweighted loss's scale
        assertEquals(10, 5 * w.of(0) + 4 * w.of(1) + 1 * w.of(2), 1e-12);
        assertEquals(Map.of("acq", w.of(0), "earn", w.of(1), "grain", w.of(2)), w.byLabel(LABELS));
    }

    @Test
    void aMappingNamesLabelsAndTheOthersWeighOne() {
        ClassWeights w = ClassWeights.of(new ClassWeightConfig(false, Map.of("grain", 3.0)), LABELS, new long[]{5, 4, 1});
        assertEquals(1.0, w.of(0));
        assertEquals(1.0, w.of(1));
        assertEquals(3.0, w.of(2));
        assertNull(ClassWeights.of(null, LABELS, new long[]{5, 4, 1}), "unset: no weights");
    }

    @Test
    void unknownLabelsAndAllZeroAreConfigErrors() {
        JobException unknown = assertThrows(JobException.class, () -> ClassWeights.of(
                new ClassWeightConfig(false, Map.of("wheat", 2.0)), LABELS, new long[]{5, 4, 1}));
        assertEquals(JobException.Kind.CONFIG, unknown.kind());
        assertTrue(unknown.getMessage().contains("train.class-weight") && unknown.getMessage().contains("wheat"),
                unknown.getMessage());
        assertFalse(unknown.getMessage().contains("\n"));

        Map<String, Double> zeros = new LinkedHashMap<>();
        LABELS.forEach(l -> zeros.put(l, 0.0));
        JobException allZero = assertThrows(JobException.class, () -> ClassWeights.of(
                new ClassWeightConfig(false, zeros), LABELS, new long[]{5, 4, 1}));
        assertEquals(JobException.Kind.CONFIG, allZero.kind());
        assertTrue(allZero.getMessage().contains("train.class-weight"), allZero.getMessage());
        // some zeros are fine: a class that weighs nothing
        assertEquals(0.0, ClassWeights.of(new ClassWeightConfig(false, Map.of("acq", 0.0)), LABELS,
                new long[]{5, 4, 1}).of(0));
    }
}
