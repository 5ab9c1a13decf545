package textnet.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shape of one fully connected layer: {@code inputs x units} weights, {@code units} biases. */
public record DenseSpec(int inputs, int units, Activation activation) implements LayerSpec {
    public DenseSpec {
        if (inputs < 1 || units < 1) {
            throw new IllegalArgumentException("a dense layer needs at least one input and one unit: "
                    + inputs + " x " + units);
        }
    }

    public long weightCount() {
        return (long) inputs * units;
    }

    @Override
    public long parameterCount() {
        return weightCount() + units;
    }

    @Override
    public String type() {
        return "dense";
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("inputs", inputs);
        attributes.put("units", units);
        attributes.put("activation", activation.configName());
        return attributes;
    }

    /** As Keras's Dense keeps them: kernel ({@code inputs x units}), then bias. */
    @Override
    public List<ParameterBlock> blocks(int offset) {
        return List.of(new ParameterBlock("kernel", offset, inputs, units),
                new ParameterBlock("bias", Math.toIntExact(offset + weightCount()), units));
    }

    /** A first layer reads the multi-hot rows, as index lists or expanded; the others the layer below. */
    @Override
    public Layer layer(LayerPlace place, StagedParameters staged) {
        if (!place.first()) {
            return new Dense(place, this, staged);
        }
        return place.sparseInput() ? new MultiHotDense(place, this, staged) : new ExpandedInputDense(place, this, staged);
    }
}
