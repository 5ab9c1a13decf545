package textnet.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import textnet.JobException;

import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code train.class-weight}, Keras's {@code class_weight}: {@code balanced} (scikit-learn's
 * {@code n_samples / (n_classes * count(class))} over the fitted rows) or a mapping from label to
 * weight (a label not named weighs 1). Unset (null in {@link TrainConfig}) means every class weighs 1.
 * Written back as it was given, so a saved config reads the same. The weights per class index are made
 * once the classes are known (textnet.nn.ClassWeights); labels the data lacks are refused there.
 *
 * @param balanced whether the weights come from the class counts
 * @param weights  label → weight when not balanced (in the order given), else empty
 */
public record ClassWeightConfig(boolean balanced, Map<String, Double> weights) implements Serializable {

    public static final String KEY = "train.class-weight";
    public static final String BALANCED = "balanced";

    public ClassWeightConfig {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** Binds {@code balanced} or a mapping of numbers; anything else is a config error naming the key. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ClassWeightConfig of(JsonNode node) {
        if (node.isTextual()) {
            if (!node.asText().equals(BALANCED)) {
                throw JobException.config("config key '" + KEY + "': '" + node.asText()
                        + "' is not balanced or a mapping of label: weight");
            }
            return new ClassWeightConfig(true, Map.of());
        }
        if (!node.isObject()) {
            throw JobException.config("config key '" + KEY + "': expected balanced or a mapping of label: weight");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw JobException.config("config key '" + KEY + "." + e.getKey() + "': expected a number");
            }
            weights.put(e.getKey(), e.getValue().doubleValue());
        }
        return new ClassWeightConfig(false, weights);
    }

    /** As it was given: {@code balanced}, or the mapping. */
    @JsonValue
    public Object value() {
        return balanced ? BALANCED : weights;
    }

    /**
     * Checks what needs no data: each weight finite and ≥ 0. Unknown labels and all classes weighing 0
     * are found once the classes are known (textnet.nn.ClassWeights).
     */
    void validate() {
        weights.forEach((label, w) -> {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw JobException.config("config key '" + KEY + "." + label + "': " + w
                        + " is not a finite weight ≥ 0");
            }
        });
    }
}
