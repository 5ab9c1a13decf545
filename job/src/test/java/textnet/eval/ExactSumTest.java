package textnet.eval;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExactSumTest {

    /** Values of every magnitude and sign: cancellation and rounding make plain sums order-dependent. */
    private static List<Double> awkwardValues(Random random, int n) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add((random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
        }
        values.add(1e30);
        values.add(-1e30);
        values.add(Math.ulp(1.0) / 2); // a tie at the last bit of 1
        values.add(1.0);
        return values;
    }

    @Test
    void isTheCorrectlyRoundedSum() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            List<Double> values = awkwardValues(random, 200);
            BigDecimal exact = BigDecimal.ZERO;
            ExactSum sum = new ExactSum();
            for (double v : values) {
                exact = exact.add(new BigDecimal(v));
                sum.add(v);
            }
            // BigDecimal -> double rounds to nearest, ties to even, from the exact decimal value
            assertEquals(exact.doubleValue(), sum.value(), 0.0, "trial " + trial);
        }
    }

    @Test
    void anyOrderAndGroupingGivesTheSameBits() {
        Random random = new Random(11);
        List<Double> values = awkwardValues(random, 300);
        double reference = Double.NaN;
        boolean plainSumDiffers = false;
        double plainReference = Double.NaN;
        for (int trial = 0; trial < 100; trial++) {
            Collections.shuffle(values, random);
            // split into random groups, summed apart, then merged in random order
            List<ExactSum> groups = new ArrayList<>();
            double plain = 0;
            for (double v : values) {
                if (groups.isEmpty() || random.nextInt(10) == 0) {
                    groups.add(new ExactSum());
                }
                groups.get(groups.size() - 1).add(v);
                plain += v;
            }
            while (groups.size() > 1) {
                ExactSum a = groups.remove(random.nextInt(groups.size()));
                ExactSum b = groups.remove(random.nextInt(groups.size()));
                groups.add(a.add(b));
            }
            double value = groups.get(0).value();
            if (trial == 0) {
                reference = value;
                plainReference = plain;
            }
            assertEquals(Double.doubleToRawLongBits(reference), Double.doubleToRawLongBits(value), "trial " + trial);
            plainSumDiffers |= plain != plainReference;
        }
        assertTrue(plainSumDiffers, "the fixture must be one where a plain double sum depends on the order");
    }

    @Test
    void copiesAreIndependentAndEmptyIsZero() {
        assertEquals(0.0, new ExactSum().value());
        ExactSum a = new ExactSum().add(0.1).add(0.2);
        ExactSum b = a.copy().add(0.3);
        assertEquals(0.30000000000000004, a.value()); // 0.1 + 0.2 rounded once, as fsum gives
        assertEquals(new BigDecimal(0.1).add(new BigDecimal(0.2)).add(new BigDecimal(0.3)).doubleValue(), b.value());
    }

    @Test
    void infinitiesAndNanPropagateAsInIeee() {
        assertEquals(Double.POSITIVE_INFINITY, new ExactSum().add(1).add(Double.POSITIVE_INFINITY).add(-5).value());
        assertTrue(Double.isNaN(new ExactSum().add(Double.POSITIVE_INFINITY).add(Double.NEGATIVE_INFINITY).value()));
        assertTrue(Double.isNaN(new ExactSum().add(Double.NaN).add(2).value()));
        assertEquals(Double.POSITIVE_INFINITY, new ExactSum().add(Double.MAX_VALUE).add(Double.MAX_VALUE).value());
    }
}
