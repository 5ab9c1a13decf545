package textnet.config;

import textnet.JobException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the configured network can exist at all, counted in {@code long} before anything is
 * allocated. The parameters live in one flat float array (and the optimizer state in another), so a
 * layer or the whole model beyond Java's largest array would fail deep inside training, and a model
 * larger than the driver's heap would end in an OutOfMemoryError after minutes of reading.
 *
 * <p>Only what is certain before the data is read is counted: the first layer reads
 * {@code vectorizer.vocabulary-size} inputs (the most the vocabulary can hold, and what the driver's
 * warm-up allocates), and the output layer has at least one unit (its real count follows the labels).
 */
public final class ModelSize {

    /** The largest array HotSpot allocates (the JDK's own {@code ArraysSupport.SOFT_MAX_ARRAY_LENGTH}). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private ModelSize() {
    }

    /** Refuses a layer, a parameter vector or an optimizer state that no Java array can hold. */
    static void requireFitsArrays(JobConfig config) {
        List<Layer> layers = layers(config);
        for (Layer layer : layers) {
            if (layer.weights() > MAX_ARRAY) {
                throw refused(layer, layer.describe() + " make " + count(layer.weights())
                        + " weights; a layer may have at most " + count(MAX_ARRAY));
            }
        }
        long parameters = parameters(layers);
        Layer largest = largest(layers);
        if (parameters > MAX_ARRAY) {
            throw refused(largest, "the layers make " + count(parameters)
                    + " parameters; a model may have at most " + count(MAX_ARRAY));
        }
        long state = statePerParameter(config) * parameters;
        if (state > MAX_ARRAY) {
            throw refused(largest, "the model's " + count(parameters) + " parameters need " + count(state) + " "
                    + config.train().optimizer().name() + " state values; an array may have at most "
                    + count(MAX_ARRAY));
        }
    }

    /**
     * Refuses a model (of a validated config) whose training would need more than half of
     * {@code maxHeapBytes} on the driver (the rest is Spark's, the vocabulary's and the predictions'),
     * before anything is read or allocated.
     */
    public static void requireFitsHeap(JobConfig config, long maxHeapBytes) {
        List<Layer> layers = layers(config);
        long bytes = driverBytes(config);
        if (bytes > maxHeapBytes / 2) {
            Layer largest = largest(layers);
            throw refused(largest, String.format(Locale.ROOT, "the model's %s parameters need about %.1f GB of"
                            + " driver heap, more than half of its %.1f GB: lower %s or raise the heap"
                            + " (TEXTNET_JAVA_OPTS=-Xmx...)", count(parameters(layers)), gb(bytes),
                    gb(maxHeapBytes), largest.blamedKey()));
        }
    }

    /**
     * What an epoch of training certainly holds on the driver's heap at once in local mode (the default,
     * where the tasks run in the driver's JVM), for P parameters and S optimizer state values (rmsprop P,
     * adam 2P, sgd P with momentum and 0 without), in bytes:
     * <ul>
     *   <li>4P + 4S: the driver's {@code TrainingState}, float parameters and optimizer state
     *       ({@code Trainer});</li>
     *   <li>4(P + S): the broadcast copy of that state, serialized into the driver's block manager
     *       until the epoch's results are in ({@code Trainer}: {@code sc.broadcast}, then
     *       {@code destroy});</li>
     *   <li>4P: a partition's float gradient ({@code PartitionStep}; its task's own copies of the
     *       parameters and state are not counted; on a cluster all three are an executor's);</li>
     *   <li>8(P + S): the row-weighted sums of parameters and state in double ({@code ParameterSum}),
     *       not counting the partitions' float results they are made from or the new state.</li>
     * </ul>
     * A lower bound, then: hence the refusal at half the heap rather than at all of it.
     */
    static long driverBytes(JobConfig config) {
        long p = parameters(layers(config));
        long s = statePerParameter(config) * p;
        return 4 * (p + s) + 4 * (p + s) + 4 * p + 8 * (p + s);
    }

    /** The parameter count the config fixes before the data is read (one output unit at least). */
    static long parameters(JobConfig config) {
        return parameters(layers(config));
    }

    private static long parameters(List<Layer> layers) {
        long total = 0;
        for (Layer layer : layers) {
            total += layer.weights() + layer.units(); // no overflow: callers first check each layer fits an array
        }
        return total;
    }

    /** The optimizer's state values per parameter (every rule's state is a whole multiple of P). */
    private static long statePerParameter(JobConfig config) {
        OptimizerConfig optimizer = config.train().optimizer();
        return OptimizerName.of(optimizer).statePerParameter(optimizer);
    }

    private static List<Layer> layers(JobConfig config) {
        List<Layer> layers = new ArrayList<>();
        String inputsKey = "vectorizer.vocabulary-size";
        long inputs = config.vectorizer().vocabularySize();
        List<LayerConfig> hidden = config.model().layers();
        for (int i = 0; i < hidden.size(); i++) {
            if (hidden.get(i).dropsOut()) {
                continue; // no parameters, as many outputs as inputs
            }
            String unitsKey = "model.layers." + i + ".units";
            layers.add(new Layer(i, inputsKey, inputs, unitsKey, hidden.get(i).units()));
            inputsKey = unitsKey;
            inputs = hidden.get(i).units();
        }
        layers.add(new Layer(hidden.size(), inputsKey, inputs, null, 1));
        return layers;
    }

    private static Layer largest(List<Layer> layers) {
        Layer largest = layers.get(0);
        for (Layer layer : layers) {
            if (layer.weights() > largest.weights()) {
                largest = layer;
            }
        }
        return largest;
    }

    private static JobException refused(Layer layer, String why) {
        return JobException.config("config key '" + layer.blamedKey() + "': " + why);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static double gb(long bytes) {
        return bytes / (double) (1L << 30); // the JVM's -Xmx8g is 8 GiB
    }

    /**
     * A dense layer as the config fixes it: {@code inputs x units} weights plus {@code units} biases;
     * {@code unitsKey} null for the output layer, whose units follow the labels.
     */
    private record Layer(int index, String inputsKey, long inputs, String unitsKey, long units) {

        long weights() {
            return inputs * units;
        }

        /** The key to lower: the larger side of the weight matrix. */
        String blamedKey() {
            return unitsKey != null && units > inputs ? unitsKey : inputsKey;
        }

        /** E.g. "1000000000 units on a 10,000-token vocabulary", the blamed key's value first, as given. */
        String describe() {
            if (blamedKey().equals(unitsKey)) {
                return units + " units on " + (index == 0 ? "a " + count(inputs) + "-token vocabulary"
                        : "the " + count(inputs) + " units of " + inputsKey.substring(0, inputsKey.length() - ".units".length()));
            }
            return inputs + (index == 0 ? " tokens" : " units") + " feeding "
                    + (unitsKey == null ? "the output layer" : count(units) + " units (" + unitsKey + ")");
        }
    }
}
