package textnet.io;

import textnet.nn.Activation;
import textnet.nn.DenseSpec;
import textnet.nn.DropoutSpec;
import textnet.nn.LayerSpec;
import textnet.nn.NetworkSpec;
import textnet.nn.ParameterBlock;

import java.util.List;

/**
 * The network as ONNX nodes, from a row's vector to the class probabilities {@code predict}
 * reports: per dense layer a {@code Gemm} (kernel {@code inputs x units}, as stored) and its
 * activation; dropout is the identity at inference and adds nothing. One sigmoid unit (binary)
 * becomes the two columns {@code [1 - p, p]}, one per label, as {@code predict} writes them.
 */
final class OnnxNetwork {

    private OnnxNetwork() {
    }

    /**
     * Adds the layers over the value {@code rows} ({@code [N, inputSize]} floats) and writes the
     * probabilities into the graph output {@code output}; returns its number of columns.
     */
    static int addTo(OnnxGraph graph, NetworkSpec spec, float[] params, String rows, String output) {
        String x = rows;
        List<LayerSpec> layers = spec.layers();
        for (int l = 0; l < layers.size(); l++) {
            LayerSpec layer = layers.get(l);
            if (layer instanceof DropoutSpec) {
                continue;
            }
            if (!(layer instanceof DenseSpec dense)) {
                throw new IllegalStateException("no ONNX form for a " + layer.type() + " layer");
            }
            List<ParameterBlock> blocks = spec.blocks(l);
            String kernel = graph.floats("kernel" + l, params, blocks.get(0).offset(), blocks.get(0).size(),
                    dense.inputs(), dense.units());
            String bias = graph.floats("bias" + l, params, blocks.get(1).offset(), blocks.get(1).size(), dense.units());
            x = activation(graph, dense.activation(), graph.node("Gemm", List.of(x, kernel, bias)));
        }
        int units = spec.layers().get(layers.size() - 1).units();
        if (units == 1 && !spec.multiLabel()) { // binary: P(class 0) = 1 - p, P(class 1) = p
            String one = graph.floats("one", new float[]{1f}, 1);
            String p0 = graph.node("Sub", List.of(one, x));
            graph.nodeInto("Concat", List.of(p0, x), output, OnnxGraph.attribute("axis", 1));
            return 2;
        }
        graph.nodeInto("Identity", List.of(x), output);
        return units;
    }

    private static String activation(OnnxGraph graph, Activation activation, String z) {
        return switch (activation) {
            case RELU -> graph.node("Relu", List.of(z));
            case SIGMOID -> graph.node("Sigmoid", List.of(z));
            case TANH -> graph.node("Tanh", List.of(z));
            case SOFTMAX -> graph.node("Softmax", List.of(z), OnnxGraph.attribute("axis", -1));
            case LINEAR -> z;
        };
    }
}
