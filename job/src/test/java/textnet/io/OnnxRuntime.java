package textnet.io;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import textnet.text.DocVector;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a model folder's ONNX graphs with ONNX Runtime for Java, as a serving stack would: the text
 * graph on strings, the vector graph on dense rows; {@link #BATCH} documents per call.
 */
public final class OnnxRuntime implements AutoCloseable {

    private static final int BATCH = 256;
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    public OnnxRuntime(Path file) throws Exception {
        this.session = env.createSession(Files.readAllBytes(file), new OrtSession.SessionOptions());
    }

    public OrtSession session() {
        return session;
    }

    /** The probabilities of each text (graph input "text"). */
    public List<float[]> predictTexts(List<String> texts) throws OrtException {
        List<float[]> out = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += BATCH) {
            String[] batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).toArray(String[]::new);
            try (OnnxTensor t = OnnxTensor.createTensor(env, batch)) {
                out.addAll(run(Map.of(OnnxExport.TEXT, t)));
            }
        }
        return out;
    }

    /** The probabilities of each dense row of {@code columns} values (graph input "features"). */
    public List<float[]> predictRows(List<float[]> rows, int columns) throws OrtException {
        List<float[]> out = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<float[]> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            FloatBuffer data = FloatBuffer.allocate(batch.size() * columns);
            batch.forEach(data::put);
            data.flip();
            try (OnnxTensor t = OnnxTensor.createTensor(env, data, new long[]{batch.size(), columns})) {
                out.addAll(run(Map.of(OnnxExport.FEATURES, t)));
            }
        }
        return out;
    }

    /** The probabilities of each row given as the vectorizer's sparse vector, made dense a batch at a time. */
    public List<float[]> predictVectors(List<DocVector> vectors, int columns) throws OrtException {
        List<float[]> out = new ArrayList<>();
        for (int from = 0; from < vectors.size(); from += BATCH) {
            List<float[]> rows = new ArrayList<>();
            for (DocVector v : vectors.subList(from, Math.min(vectors.size(), from + BATCH))) {
                rows.add(dense(v, columns));
            }
            out.addAll(predictRows(rows, columns));
        }
        return out;
    }

    /** The vectorizer's sparse vector as the dense row model.onnx reads. */
    public static float[] dense(DocVector v, int columns) {
        float[] row = new float[columns];
        for (int k = 0; k < v.indices().length; k++) {
            row[v.indices()[k]] = v.values() == null ? 1f : v.values()[k];
        }
        return row;
    }

    private List<float[]> run(Map<String, OnnxTensor> inputs) throws OrtException {
        try (OrtSession.Result r = session.run(inputs)) {
            return List.of((float[][]) r.get(OnnxExport.PROBABILITIES).orElseThrow().getValue());
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
