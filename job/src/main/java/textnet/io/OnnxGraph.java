package textnet.io;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A small builder over ONNX's protobuf graph: nodes with their attributes, float initializers
 * (stored as little-endian raw data, as ONNX requires) and typed inputs and outputs whose first
 * dimension is the batch ({@code N}). Value names are made unique by a counter, so the code that
 * lays out a graph names values for what they are and never worries about clashes.
 */
final class OnnxGraph {

    /** ONNX Runtime's own operators (its {@code Tokenizer}). */
    static final String MICROSOFT_DOMAIN = "com.microsoft";
    static final String BATCH = "N";

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int values;

    OnnxGraph(String name) {
        graph.setName(name);
    }

    /** A new value's name, unique in this graph: {@code what} and a number. */
    String value(String what) {
        return what + "_" + values++;
    }

    void input(String name, TensorProto.DataType type, int columns) {
        graph.addInput(valueInfo(name, type, columns));
    }

    void output(String name, TensorProto.DataType type, int columns) {
        graph.addOutput(valueInfo(name, type, columns));
    }

    /** A float constant of shape {@code dims} (row-major {@code values}); its name is returned. */
    String floats(String what, float[] values, long... dims) {
        return floats(what, values, 0, values.length, dims);
    }

    /**
     * A float constant of shape {@code dims} from {@code values[offset, offset + length)}, row-major.
     * Its bytes are wrapped, not copied again: a first layer can hold tens of megabytes.
     */
    String floats(String what, float[] values, int offset, int length, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values, offset, length);
        String name = value(what);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(UnsafeByteOperations.unsafeWrap(bytes.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** Adds {@code op} (ONNX's own domain) reading {@code inputs}; returns its one output's name. */
    String node(String op, List<String> inputs, AttributeProto... attributes) {
        return node("", op, inputs, attributes);
    }

    /** Adds {@code op} of {@code domain} reading {@code inputs}; returns its one output's name. */
    String node(String domain, String op, List<String> inputs, AttributeProto... attributes) {
        String output = value(op.toLowerCase(java.util.Locale.ROOT));
        nodeInto(domain, op, inputs, output, attributes);
        return output;
    }

    /** Adds {@code op} (ONNX's own domain) writing the value {@code output} (a graph output). */
    void nodeInto(String op, List<String> inputs, String output, AttributeProto... attributes) {
        nodeInto("", op, inputs, output, attributes);
    }

    private void nodeInto(String domain, String op, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(value(op)).setDomain(domain)
                .addAllInput(inputs).addOutput(output);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
    }

    GraphProto build() {
        return graph.build();
    }

    static AttributeProto attribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto attribute(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto ints(String name, long[] values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto strings(String name, List<String> values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRINGS);
        for (String v : values) {
            a.addStrings(ByteString.copyFromUtf8(v));
        }
        return a.build();
    }

    /** A tensor of {@code [N]} ({@code columns} 0) or {@code [N, columns]}. */
    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, int columns) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        if (columns > 0) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(columns));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }
}
