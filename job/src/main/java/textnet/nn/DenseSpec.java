package textnet.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shape of one fully connected layer: {@code inputs x units} weights, {@code units} biases. */
public record DenseSpec(int inputs, int units, Activation activation) implements java.io.Serializable {
    public DenseSpec {
        if (inputs < 1 || units < 1) {
            throw new IllegalArgumentException("a dense layer needs at least one input and one unit: "
                    + inputs + " x " + units);
        }
    }

    public long weightCount() {
        return (long) inputs * units;
    }

    public long parameterCount() {
        return weightCount() + units;
    }

    /** Its model.json entry's {@code "type"}. */
    public String type() {
        return "dense";
    }

    /** Its model.json entry's other keys, in the order written: what a reader needs to rebuild it. */
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("inputs", inputs);
        attributes.put("units", units);
        attributes.put("activation", activation.name().toLowerCase());
        return attributes;
    }

    /** Its parameters as Keras's Dense keeps them, its block starting at {@code offset}: kernel, then bias. */
    public List<ParameterBlock> blocks(int offset) {
        return List.of(new ParameterBlock("kernel", offset, inputs, units),
                new ParameterBlock("bias", Math.toIntExact(offset + weightCount()), units));
    }
}
