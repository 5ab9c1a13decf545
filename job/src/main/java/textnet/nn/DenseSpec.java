package textnet.nn;

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
}
