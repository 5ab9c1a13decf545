package textnet.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import textnet.JobException;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the values of the {@code int} and {@code long} keys before binding, walking the tree along
 * {@link JobConfig}'s record components: a fraction (2.5) is not a whole number, and a number beyond
 * the key's Java type (1e12 epochs) is out of range. Jackson would truncate the one silently and
 * report the other without the key; a number within the type but below the key's least value is left
 * to {@link ConfigValidator}, whose least values the message quotes.
 */
final class WholeNumberKeys {

    private static final PropertyNamingStrategies.NamingBase KEBAB =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.KEBAB_CASE;

    private WholeNumberKeys() {
    }

    static void check(JsonNode tree) {
        check(tree, JobConfig.class, "");
    }

    private static void check(JsonNode node, Class<?> type, String prefix) {
        if (!node.isObject() || !type.isRecord()) {
            return; // binding names the type error
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            RecordComponent component = component(type, field.getKey());
            if (component != null) {
                checkValue(field.getValue(), component.getType(), component.getGenericType(),
                        prefix + field.getKey());
            }
        }
    }

    private static void checkValue(JsonNode value, Class<?> type, Type generic, String key) {
        if (type == int.class || type == Integer.class) {
            checkWhole(key, value, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
        } else if (type == long.class || type == Long.class) {
            checkWhole(key, value, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
        } else if (type.isRecord()) {
            check(value, type, key + ".");
        } else if (List.class.isAssignableFrom(type) && value.isArray()
                && generic instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            for (int i = 0; i < value.size(); i++) {
                checkValue(value.get(i), element, element, key + "." + i);
            }
        }
    }

    private static void checkWhole(String key, JsonNode value, BigInteger typeMin, BigInteger typeMax) {
        if (!value.isNumber()) {
            return; // binding names the type error
        }
        if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
            throw outOfRange(key, value, typeMin, typeMax); // 1e999 parses as infinity
        }
        BigDecimal number = value.decimalValue();
        if (number.stripTrailingZeros().scale() > 0) {
            throw JobException.config("config key '" + key + "': " + written(value) + " is not a whole number");
        }
        BigInteger whole = number.toBigIntegerExact();
        if (whole.compareTo(typeMin) < 0 || whole.compareTo(typeMax) > 0) {
            throw outOfRange(key, value, typeMin, typeMax);
        }
    }

    private static JobException outOfRange(String key, JsonNode value, BigInteger typeMin, BigInteger typeMax) {
        Long least = ConfigValidator.least(key);
        return JobException.config(String.format(Locale.ROOT,
                "config key '%s': %s is out of range (a whole number from %,d to %,d)",
                key, written(value), least == null ? typeMin : BigInteger.valueOf(least), typeMax));
    }

    /** Near how the user wrote it (the tree keeps no text): 3000000000 stays, 1e12 and 2.5 too. */
    private static String written(JsonNode number) {
        if (number.isIntegralNumber() || !Double.isFinite(number.doubleValue())) {
            return number.asText();
        }
        BigDecimal decimal = number.decimalValue().stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.toString().replace("E+", "e") : decimal.toPlainString();
    }

    private static RecordComponent component(Class<?> record, String kebabKey) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (KEBAB.translate(c.getName()).equals(kebabKey)) {
                return c;
            }
        }
        return null;
    }
}
