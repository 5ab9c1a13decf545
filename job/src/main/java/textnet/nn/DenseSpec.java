package textnet.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of one fully connected layer: {@code inputs x units} weights, {@code units} biases, and
 * its kernel's regularizer (Keras's {@code Dense(kernel_regularizer=...)}; {@link KernelRegularizer#NONE}
 * for none).
 */
public record DenseSpec(int inputs, int units, Activation activation, KernelRegularizer regularizer) implements LayerSpec {
    public DenseSpec {
        if (inputs < 1 || units < 1) {
            throw new IllegalArgumentException("a dense layer needs at least one input and one unit: "
                    + inputs + " x " + units);
        }
        if (regularizer == null) {
            regularizer = KernelRegularizer.NONE;
        }
    }

    public DenseSpec(int inputs, int units, Activation activation) {
        this(inputs, units, activation, KernelRegularizer.NONE);
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
        if (regularizer.active()) { // written only when set: files without one stay as they were
            Map<String, Object> factors = new LinkedHashMap<>();
            factors.put("l1", regularizer.l1());
            factors.put("l2", regularizer.l2());
            attributes.put("kernel_regularizer", factors);
        }
        return attributes;
    }

    /** As Keras's Dense keeps them: kernel ({@code inputs x units}), then bias. */
    @Override
    public List<ParameterBlock> blocks(int offset) {
        return List.of(new ParameterBlock("kernel", offset, inputs, units),
                new ParameterBlock("bias", Math.toIntExact(offset + weightCount()), units));
    }

    @Override
    public boolean regularized() {
        return regularizer.active();
    }

    @Override
    public double penalty(float[] params, int offset) {
        return regularizer.active() ? regularizer.penalty(params, offset, Math.toIntExact(weightCount())) : 0;
    }

    @Override
    public void addPenaltyGradient(float[] params, float[] grad, int offset) {
        if (regularizer.active()) {
            regularizer.addGradient(params, grad, offset, Math.toIntExact(weightCount()));
        }
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
