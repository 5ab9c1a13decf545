package textnet.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import textnet.JobException;
import textnet.config.ActivationName;

/**
 * Element-wise (softmax: row-wise) layer activations, applied in place. The backward pass is
 * written in terms of the activation's output {@code a = f(z)}, so a layer needs to keep only
 * {@code a}, never {@code z}: relu' = [a > 0], sigmoid' = a(1-a), tanh' = 1-a^2.
 */
public enum Activation {
    RELU(ActivationName.RELU),
    SIGMOID(ActivationName.SIGMOID),
    TANH(ActivationName.TANH),
    SOFTMAX(ActivationName.SOFTMAX),
    LINEAR(ActivationName.LINEAR);

    private final ActivationName name;

    Activation(ActivationName name) {
        this.name = name;
    }

    /** The activation {@code name} stands for. */
    public static Activation of(ActivationName name) {
        for (Activation a : values()) {
            if (a.name == name) {
                return a;
            }
        }
        throw new IllegalArgumentException("no activation for " + name);
    }

    /** Parses a config name ({@link ActivationName}: the names). */
    public static Activation of(String name) {
        for (Activation a : values()) {
            if (a.configName().equals(name)) {
                return a;
            }
        }
        throw JobException.config("unknown activation '" + name + "'");
    }

    /** The name config and model files use. */
    public String configName() {
        return name.key();
    }

    /** Replaces the pre-activations {@code z} ([rows, units]) by {@code f(z)}. */
    public void applyInPlace(INDArray z) {
        switch (this) {
            case RELU -> Transforms.relu(z, false);
            case SIGMOID -> Transforms.sigmoid(z, false);
            case TANH -> Transforms.tanh(z, false);
            case SOFTMAX -> Transforms.softmax(z, false); // along the last dimension: one distribution per row
            case LINEAR -> { }
        }
    }

    /**
     * The same on the heap, in double precision, for rows of {@code units} values: what predictions
     * report. ND4J's native transforms may round an element differently depending on where it falls
     * in a vector register, which moved ROC-AUC in the 15th digit between runs of the same model;
     * StrictMath gives the same bits on every JVM.
     */
    public void applyInPlace(float[] z, int units) {
        switch (this) {
            case RELU -> {
                for (int i = 0; i < z.length; i++) {
                    z[i] = Math.max(0f, z[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < z.length; i++) {
                    z[i] = (float) (1 / (1 + StrictMath.exp(-(double) z[i])));
                }
            }
            case TANH -> {
                for (int i = 0; i < z.length; i++) {
                    z[i] = (float) StrictMath.tanh(z[i]);
                }
            }
            case SOFTMAX -> {
                for (int row = 0; row < z.length; row += units) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = row; i < row + units; i++) {
                        max = Math.max(max, z[i]);
                    }
                    double sum = 0;
                    for (int i = row; i < row + units; i++) {
                        sum += StrictMath.exp(z[i] - max);
                    }
                    for (int i = row; i < row + units; i++) {
                        z[i] = (float) (StrictMath.exp(z[i] - max) / sum);
                    }
                }
            }
            case LINEAR -> { }
        }
    }

    /**
     * Turns {@code delta = dL/da} into {@code dL/dz} in place, given {@code a = f(z)};
     * {@code scratch} has the shape of {@code a} and is overwritten.
     */
    public void backpropInPlace(INDArray a, INDArray delta, INDArray scratch) {
        switch (this) {
            // one native op instead of step-then-multiply: delta where a > 0 (same as z > 0), else 0
            case RELU -> Nd4j.exec(new ThresholdReluBp(a, delta, delta, 0.0));
            case SIGMOID -> delta.muli(scratch.assign(a).rsubi(1).muli(a));
            case TANH -> delta.muli(scratch.assign(a).muli(a).rsubi(1));
            case SOFTMAX -> {
                // Jacobian-vector product: dL/dz_i = a_i (dL/da_i - sum_j a_j dL/da_j)
                INDArray weighted = scratch.assign(delta).muli(a).sum(true, 1);
                delta.subiColumnVector(weighted).muli(a);
            }
            case LINEAR -> { }
        }
    }
}
