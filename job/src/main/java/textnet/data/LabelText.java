package textnet.data;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * How a label value that is not text becomes a class name: one spelling per number, so that 1, 1.0
 * and 1.00 (a JSON integer, a JSON float, a Parquet double or decimal) are the one class "1" rather
 * than three. An integral value is its integer digits; any other number its shortest plain decimal
 * (0.5, not 5E-1); booleans are "true" and "false".
 */
final class LabelText {

    private LabelText() {
    }

    static String ofInteger(BigInteger value) {
        return value.toString();
    }

    static String ofDecimal(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** Double.toString is the shortest decimal that reads back as the same double. */
    static String ofDouble(double value) {
        if (value == (long) value) {
            return Long.toString((long) value); // the common case, without BigDecimal (-0.0 is "0")
        }
        return Double.isFinite(value) ? ofDecimal(new BigDecimal(Double.toString(value))) : Double.toString(value);
    }

    /** Float.toString, not the double it widens to: 0.1f is "0.1", not "0.10000000149011612". */
    static String ofFloat(float value) {
        if (value == (long) value) {
            return Long.toString((long) value);
        }
        return Float.isFinite(value) ? ofDecimal(new BigDecimal(Float.toString(value))) : Float.toString(value);
    }

    /** A value of a Parquet label column: a string, a boolean or any numeric type Spark reads. */
    static String of(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d) {
            return ofDouble(d);
        }
        if (value instanceof Float f) {
            return ofFloat(f);
        }
        if (value instanceof BigDecimal d) {
            return ofDecimal(d);
        }
        return String.valueOf(value); // integers (their digits) and booleans
    }

    /** The number a label spells, for telling "1" and "1.0" apart from "1" and "one"; null when not a number. */
    static BigDecimal numberIn(String label) {
        if (label.isEmpty() || label.length() > 100) {
            return null;
        }
        char c = label.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
            return null; // most labels: no exception thrown for them
        }
        try {
            return new BigDecimal(label);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
