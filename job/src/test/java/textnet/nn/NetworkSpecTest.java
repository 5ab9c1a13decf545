package textnet.nn;

import org.junit.jupiter.api.Test;
import textnet.JobException;
import textnet.config.LayerConfig;
import textnet.config.ModelConfig;
import textnet.config.OutputConfig;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkSpecTest {
    private static final List<LayerConfig> IMDB_HIDDEN = List.of(new LayerConfig(16, "relu"), new LayerConfig(16, "relu"));

    private static ModelConfig model(String activation, String loss) {
        return new ModelConfig(IMDB_HIDDEN, new OutputConfig(activation, loss), "sparse");
    }

    @Test
    void imdbNetworkLayout() {
        NetworkSpec spec = NetworkSpec.of(model("auto", "auto"), 10_000, 2);
        assertEquals(160_305, spec.parameterCount());
        assertEquals(1, spec.outputUnits());
        assertEquals(Loss.BINARY_CROSSENTROPY, spec.loss());
        assertEquals(Activation.SIGMOID, spec.outputLayer().activation());
        assertTrue(spec.sparseInput());
        assertArrayEquals(new long[]{0, 160_000, 160_016, 160_272, 160_288, 160_304},
                new long[]{spec.weightOffset(0), spec.biasOffset(0), spec.weightOffset(1), spec.biasOffset(1),
                        spec.weightOffset(2), spec.biasOffset(2)});
    }

    @Test
    void multiclassAutoIsSoftmaxWithCategoricalCrossEntropy() {
        NetworkSpec spec = NetworkSpec.of(model("auto", "auto"), 10_000, 46);
        assertEquals(46, spec.outputUnits());
        assertEquals(Loss.CATEGORICAL_CROSSENTROPY, spec.loss());
        assertEquals(Activation.SOFTMAX, spec.outputLayer().activation());
    }

    @Test
    void explicitChoicesAreHonoured() {
        assertEquals(2, NetworkSpec.of(model("softmax", "auto"), 10, 2).outputUnits());
        NetworkSpec mse = NetworkSpec.of(model("linear", "mse"), 10, 2);
        assertEquals(1, mse.outputUnits());
        assertEquals(Loss.MSE, mse.loss());
        assertEquals(Loss.MSE, NetworkSpec.of(model("linear", "auto"), 10, 5).loss());
        assertEquals(5, NetworkSpec.of(model("sigmoid", "mse"), 10, 5).outputUnits());
        assertEquals(2, NetworkSpec.of(model("softmax", "mse"), 10, 2).outputUnits());
        assertEquals(Activation.SIGMOID, NetworkSpec.of(model("auto", "binary-crossentropy"), 10, 2).outputLayer().activation());
        assertFalse(NetworkSpec.of(new ModelConfig(IMDB_HIDDEN, new OutputConfig("auto", "auto"), "dense"), 10, 2).sparseInput());
    }

    @Test
    void nonsensicalCombinationsNameTheKey() {
        assertKey("model.output.activation", () -> NetworkSpec.of(model("softmax", "binary-crossentropy"), 10, 2));
        assertKey("model.output.activation", () -> NetworkSpec.of(model("linear", "binary-crossentropy"), 10, 2));
        assertKey("model.output.loss", () -> NetworkSpec.of(model("sigmoid", "binary-crossentropy"), 10, 3));
        assertKey("model.output.activation", () -> NetworkSpec.of(model("sigmoid", "categorical-crossentropy"), 10, 3));
    }

    private static void assertKey(String key, Runnable build) {
        JobException e = assertThrows(JobException.class, build::run);
        assertEquals(JobException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }

    @Test
    void glorotInitIsSeededBoundedWithZeroBiases() {
        NetworkSpec spec = NetworkSpec.of(model("auto", "auto"), 10_000, 2);
        Network network = new Network(spec);
        float[] a = network.initialParameters(42);
        float[] b = network.initialParameters(42);
        assertEquals(160_305, a.length);
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, network.initialParameters(43)));
        float[] values = a;
        for (int l = 0; l < spec.layers().size(); l++) {
            DenseSpec layer = (DenseSpec) spec.layers().get(l);
            double limit = Math.sqrt(6.0 / (layer.inputs() + layer.units()));
            double maxAbs = 0;
            for (long i = spec.weightOffset(l); i < spec.biasOffset(l); i++) {
                maxAbs = Math.max(maxAbs, Math.abs(values[(int) i]));
            }
            assertTrue(maxAbs <= limit && maxAbs > 0.8 * limit, "layer " + l + ": " + maxAbs + " vs " + limit);
            for (long i = spec.biasOffset(l); i < spec.biasOffset(l) + layer.units(); i++) {
                assertEquals(0, values[(int) i]);
            }
        }
    }

    /** A dense layer describes its model-file entries: ModelFiles writes exactly these (pinned in ModelFilesTest). */
    @Test
    void denseLayersDescribeTheirFileEntries() {
        NetworkSpec spec = new NetworkSpec(5, List.of(new DenseSpec(5, 3, Activation.TANH),
                new DenseSpec(3, 1, Activation.SIGMOID)), Loss.BINARY_CROSSENTROPY, true);
        LayerSpec hidden = spec.layers().get(0);
        assertEquals("dense", hidden.type());
        assertEquals(java.util.Map.of("inputs", 5, "units", 3, "activation", "tanh"), hidden.attributes());
        assertEquals(List.of("inputs", "units", "activation"), List.copyOf(hidden.attributes().keySet()));
        List<ParameterBlock> output = spec.blocks(1);
        assertEquals(List.of("kernel", "bias"), output.stream().map(ParameterBlock::name).toList());
        assertEquals(18, output.get(0).offset());
        assertArrayEquals(new int[]{3, 1}, output.get(0).shape());
        assertEquals(spec.biasOffset(1), output.get(1).offset());
        assertEquals(22, spec.parameterCount());
    }
}
