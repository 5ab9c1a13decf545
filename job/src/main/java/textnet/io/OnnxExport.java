package textnet.io;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import textnet.config.OutputMode;
import textnet.nn.NetworkSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model as ONNX (README, "Serving"): {@code model.onnx}, the network over the vectorizer's rows
 * (input {@code features}, {@code [N, input_size]} floats), and {@code model-text.onnx}, the same
 * network behind the vectorizer (input {@code text}, {@code [N]} strings); both output
 * {@code probabilities}, {@code [N, classes]} floats in the order of the labels, which the model's
 * metadata lists ({@code labels}, a JSON array), with {@code task} (and a multi-label model's
 * {@code threshold}). Opset {@link #OPSET} of ONNX's own operators, plus ONNX Runtime's
 * {@code com.microsoft} {@code Tokenizer} in the text graph.
 */
public final class OnnxExport {

    public static final String VECTOR_FILE = "model.onnx";
    public static final String TEXT_FILE = "model-text.onnx";
    public static final int OPSET = 13;
    /** IR version 7 is the one opset 13 came with: the oldest runtime that reads opset 13 reads it. */
    private static final long IR_VERSION = 7;
    public static final String FEATURES = "features";
    public static final String TEXT = "text";
    public static final String PROBABILITIES = "probabilities";

    private OnnxExport() {
    }

    /** What a graph is made from: the network, how its rows are valued, and what its outputs mean. */
    record Source(NetworkSpec spec, float[] parameters, OutputMode mode, List<String> labels, String task) {
    }

    static Source of(TrainedModel model) {
        return new Source(model.spec(), model.parameters(), model.vectorizer().config().mode(),
                model.vectorizer().labels().labels(), model.task());
    }

    static Source of(VectorInputModel model, List<String> labels, String task) {
        return new Source(model.spec(), model.parameters(), model.config().vectorizer().mode(), labels, task);
    }

    /**
     * The network over a row of {@code features}. A multi-hot network reads any non-zero as 1, as
     * the Spark ML stage does, so a row of counts gives the same probabilities as its 0/1 row.
     */
    static byte[] vectorGraph(Source source) {
        OnnxGraph graph = new OnnxGraph("textnet");
        graph.input(FEATURES, TensorProto.DataType.FLOAT, source.spec().inputSize());
        String rows = FEATURES;
        if (source.mode() == OutputMode.MULTI_HOT) {
            String zero = graph.floats("zero", new float[]{0f}, 1);
            String present = graph.node("Not", List.of(graph.node("Equal", List.of(rows, zero))));
            rows = graph.node("Cast", List.of(present), OnnxGraph.attribute("to", TensorProto.DataType.FLOAT.getNumber()));
        }
        return model(graph, source, rows, false);
    }

    /** Why {@code model} has no text graph ({@link OnnxVectorizer#whyNotExact}), or null. */
    public static String whyNoTextGraph(TrainedModel model) {
        return OnnxVectorizer.whyNotExact(model.vectorizer().config());
    }

    /** The vectorizer and the network, from {@code text}; check {@link #whyNoTextGraph} first. */
    static byte[] textGraph(TrainedModel model) {
        OnnxGraph graph = new OnnxGraph("textnet-text");
        graph.input(TEXT, TensorProto.DataType.STRING, 0);
        String rows = OnnxVectorizer.addTo(graph, model.vectorizer(), TEXT);
        return model(graph, of(model), rows, true);
    }

    private static byte[] model(OnnxGraph graph, Source source, String rows, boolean text) {
        int columns = OnnxNetwork.addTo(graph, source.spec(), source.parameters(), rows, PROBABILITIES);
        graph.output(PROBABILITIES, TensorProto.DataType.FLOAT, columns);
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("textnet")
                .setProducerVersion(ModelFiles.FORMAT + " " + ModelFiles.FORMAT_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setDocString("textnet model: class probabilities from " + (text ? "raw text" : "a row of the vectorizer"))
                .setGraph(graph.build());
        if (text) {
            m.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(OnnxGraph.MICROSOFT_DOMAIN).setVersion(1));
        }
        metadata(source).forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build().toByteArray();
    }

    private static Map<String, String> metadata(Source source) {
        Map<String, String> meta = new LinkedHashMap<>();
        try {
            meta.put("labels", new ObjectMapper().writeValueAsString(source.labels()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        meta.put("task", source.task());
        if (source.spec().multiLabel()) {
            meta.put("threshold", Double.toString(source.spec().threshold()));
        }
        meta.put("output_mode", source.mode().key());
        return meta;
    }
}
