package textnet.data;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One spelling per number, and the label checks that refuse what cannot be class labels. */
class LabelTextTest {

    @Test
    void integralNumbersAreTheirDigitsOthersTheShortestPlainDecimal() {
        assertEquals(List.of("1", "1", "1", "0", "0", "-3", "100", "0.5", "0.1", "0.1", "1.25", "0.0000001",
                        "100000000000000000000", "12345678901234567890", "NaN", "true"),
                List.of(LabelText.ofDouble(1.0), LabelText.ofDecimal(new BigDecimal("1.00")), LabelText.of(1),
                        LabelText.ofDouble(-0.0), LabelText.ofDecimal(new BigDecimal("0.000")), LabelText.of(-3L),
                        LabelText.ofDecimal(new BigDecimal("1E+2")), LabelText.ofDouble(0.5), LabelText.ofFloat(0.1f),
                        LabelText.of(0.1), LabelText.of(new BigDecimal("1.2500")), LabelText.ofDouble(1e-7),
                        LabelText.ofDouble(1e20), LabelText.ofInteger(new BigInteger("12345678901234567890")),
                        LabelText.of(Double.NaN), LabelText.of(true)));
    }

    @Test
    void twoSpellingsOfOneNumberAreRefusedNamingBoth() {
        String message = Fixtures.inputError(() -> LabelChecks.requireOneSpellingPerNumber(
                new LinkedHashSet<>(List.of("0", "1", "1.0")), "data.label-column 'y'"));
        assertEquals("data.label-column 'y': the labels '1' and '1.0' are the same number written two ways, which would"
                + " be two classes; write each class one way", message);
        assertEquals(true, Fixtures.inputError(() -> LabelChecks.requireOneSpellingPerNumber(
                new LinkedHashSet<>(List.of("-0", "0")), "c")).contains("'-0' and '0'"));
        assertDoesNotThrow(() -> LabelChecks.requireOneSpellingPerNumber(
                new LinkedHashSet<>(List.of("1", "10", "1star", "one", "1.5", "+", "-", ".")), "c"));
    }
}
