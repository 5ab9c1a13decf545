package textnet.nn;

import textnet.JobException;
import textnet.config.InputKind;
import textnet.config.LayerConfig;
import textnet.config.ModelConfig;
import textnet.config.OutputConfig;
import textnet.config.RegularizerConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The network's shape: layers ({@link LayerSpec}: dense and dropout ones, the output dense) over
 * multi-hot rows of {@code inputSize}, and the loss. All parameters live in one flat vector {@code W0, b0, W1, b1, ...}, each {@code W}
 * an {@code inputs x units} row-major block (as Spark MLlib's ml/ann keeps its weights), so the
 * driver can average, broadcast and store them as one array.
 *
 * <p>{@code multiLabel}: each output unit is a class of its own (a sigmoid each, binary cross-entropy
 * per class), and a class is predicted when its probability is above {@code threshold}.
 */
public record NetworkSpec(int inputSize, List<LayerSpec> layers, Loss loss, boolean sparseInput, boolean multiLabel,
                          double threshold) implements java.io.Serializable {

    /** A single-label network. */
    public NetworkSpec(int inputSize, List<LayerSpec> layers, Loss loss, boolean sparseInput) {
        this(inputSize, layers, loss, sparseInput, false, OutputConfig.DEFAULT_THRESHOLD);
    }

    public NetworkSpec {
        if (multiLabel && (loss != Loss.BINARY_CROSSENTROPY
                || ((DenseSpec) layers.get(layers.size() - 1)).activation() != Activation.SIGMOID)) {
            throw new IllegalArgumentException("a multi-label output is a sigmoid per class with binary cross-entropy");
        }
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least an output layer");
        }
        if (!(layers.get(layers.size() - 1) instanceof DenseSpec)) {
            throw new IllegalArgumentException("the output layer must be dense (its activation goes with the loss)");
        }
        int inputs = inputSize;
        for (LayerSpec layer : layers) {
            if (layer.inputs() != inputs) {
                throw new IllegalArgumentException("layer " + layer + " should read " + inputs + " inputs");
            }
            inputs = layer.units();
        }
    }

    /**
     * Builds the network a model config describes for {@code classes} label classes. With
     * {@code auto}, the output follows the labels as in the Keras tutorials: 2 classes give one
     * sigmoid unit with binary cross-entropy, more give a softmax over the classes with categorical
     * cross-entropy (integer labels, Keras's {@code sparse_categorical_crossentropy}).
     */
    public static NetworkSpec of(ModelConfig model, int inputSize, int classes) {
        return of(model, inputSize, classes, false);
    }

    /**
     * {@link #of(ModelConfig, int, int)}, or with {@code multiLabel} the Keras multi-label output: a
     * sigmoid per class with binary cross-entropy (the mean over the classes, as Keras's), the only
     * pairing it takes (another is refused, naming its key).
     */
    public static NetworkSpec of(ModelConfig model, int inputSize, int classes, boolean multiLabel) {
        if (classes < (multiLabel ? 1 : 2)) {
            throw JobException.input("training needs at least " + (multiLabel ? 1 : 2) + " classes, found " + classes);
        }
        OutputConfig out = model.output() == null ? new OutputConfig(OutputConfig.AUTO, OutputConfig.AUTO) : model.output();
        String activationName = out.activation() == null ? OutputConfig.AUTO : out.activation();
        String lossName = out.loss() == null ? OutputConfig.AUTO : out.loss();
        Loss loss = lossName.equals(OutputConfig.AUTO) ? null : Loss.of(lossName);
        Activation activation = activationName.equals(OutputConfig.AUTO) ? null : Activation.of(activationName);
        if (multiLabel) {
            if (loss != null && loss != Loss.BINARY_CROSSENTROPY) {
                throw JobException.config("config key 'model.output.loss': multi-label data needs "
                        + Loss.BINARY_CROSSENTROPY.configName() + " (a sigmoid per class), not " + loss.configName());
            }
            if (activation != null && activation != Activation.SIGMOID) {
                throw JobException.config("config key 'model.output.activation': multi-label data needs a sigmoid"
                        + " per class, not " + activation.configName());
            }
            return new NetworkSpec(inputSize, layersOf(model, inputSize, classes, Activation.SIGMOID),
                    Loss.BINARY_CROSSENTROPY, model.inputKind() == InputKind.SPARSE, true, out.thresholdOrDefault());
        }

        if (loss == null) {
            // the loss that belongs to the output: its cross-entropy where one exists, else mse
            Activation output = activation != null ? activation
                    : classes == 2 ? Activation.SIGMOID : Activation.SOFTMAX;
            loss = switch (output) {
                case SIGMOID -> classes == 2 ? Loss.BINARY_CROSSENTROPY : Loss.MSE;
                case SOFTMAX -> Loss.CATEGORICAL_CROSSENTROPY;
                default -> Loss.MSE;
            };
        }
        if (activation == null) {
            activation = switch (loss) {
                case BINARY_CROSSENTROPY -> Activation.SIGMOID;
                case CATEGORICAL_CROSSENTROPY -> Activation.SOFTMAX;
                case MSE -> classes == 2 ? Activation.SIGMOID : Activation.SOFTMAX;
            };
        }
        int units = switch (loss) {
            case BINARY_CROSSENTROPY -> {
                if (classes != 2) {
                    throw JobException.config("config key 'model.output.loss': " + loss.configName()
                            + " needs 2 classes, the labels have " + classes);
                }
                if (activation != Activation.SIGMOID) {
                    throw JobException.config("config key 'model.output.activation': " + loss.configName()
                            + " needs a sigmoid output, not " + activation.configName());
                }
                yield 1;
            }
            case CATEGORICAL_CROSSENTROPY -> {
                if (activation != Activation.SOFTMAX) {
                    throw JobException.config("config key 'model.output.activation': " + loss.configName()
                            + " needs a softmax output, not " + activation.configName());
                }
                yield classes;
            }
            // one unit regressing the 0/1 label, except softmax, whose single unit would always be 1
            case MSE -> classes == 2 && activation != Activation.SOFTMAX ? 1 : classes;
        };

        return new NetworkSpec(inputSize, layersOf(model, inputSize, units, activation), loss,
                model.inputKind() == InputKind.SPARSE);
    }

    /** The hidden layers of {@code model}, then the dense output. */
    private static List<LayerSpec> layersOf(ModelConfig model, int inputSize, int units, Activation activation) {
        List<LayerSpec> layers = new ArrayList<>();
        int inputs = inputSize;
        for (LayerConfig hidden : model.layers()) {
            if (hidden.dropsOut()) {
                layers.add(new DropoutSpec(inputs, hidden.dropout()));
                continue;
            }
            RegularizerConfig r = hidden.kernelRegularizer();
            layers.add(new DenseSpec(inputs, hidden.units(), Activation.of(hidden.activation()),
                    r == null ? KernelRegularizer.NONE : new KernelRegularizer(r.l1(), r.l2())));
            inputs = hidden.units();
        }
        layers.add(new DenseSpec(inputs, units, activation));
        return layers;
    }

    public int parameterCount() {
        long count = 0;
        for (LayerSpec layer : layers) {
            count += layer.parameterCount();
        }
        return Math.toIntExact(count);
    }

    public int outputUnits() {
        return outputLayer().units();
    }

    /** The last layer, dense (checked when built): its activation pairs with the loss. */
    public DenseSpec outputLayer() {
        return (DenseSpec) layers.get(layers.size() - 1);
    }

    /** Where layer {@code layer}'s block (a dense layer's weights, then its biases) starts in the flat vector. */
    public long weightOffset(int layer) {
        long offset = 0;
        for (int l = 0; l < layer; l++) {
            offset += layers.get(l).parameterCount();
        }
        return offset;
    }

    /** Layer {@code layer}'s parameters as its model files hold them. */
    public List<ParameterBlock> blocks(int layer) {
        return layers.get(layer).blocks(Math.toIntExact(weightOffset(layer)));
    }

    /** Where a dense layer {@code layer}'s biases start: right after its weights. */
    public long biasOffset(int layer) {
        return weightOffset(layer) + ((DenseSpec) layers.get(layer)).weightCount();
    }
}
