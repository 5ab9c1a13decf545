package textnet.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import textnet.JobException;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.config.OutputMode;
import textnet.nn.LayerSpec;
import textnet.nn.NetworkSpec;
import textnet.nn.ParameterBlock;
import textnet.text.ColumnValues;
import textnet.text.LabelIndex;
import textnet.text.TextVectorizer;
import textnet.text.Vocabulary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model folder (README, "Model files"): {@code model.json} (format version, layers, labels,
 * vectorizer, training config, SHA-256 of every other file), {@code vocabulary.txt} (one token a
 * line, in column order), with {@code vectorizer.output-mode: tf-idf} {@code idf.npy} (float32, one
 * inverse document frequency per column), one float32 {@code .npy} per kernel and bias, Keras's shapes
 * ({@code kernel: inputs x units}), and the model as ONNX ({@link OnnxExport}: {@code model.onnx} over
 * the vectorizer's rows, {@code model-text.onnx} over raw text). No Java serialization: every file is
 * readable without textnet.
 */
public final class ModelFiles {

    public static final String FORMAT = "textnet-model";
    public static final int FORMAT_VERSION = 1;
    /**
     * {@code "input"} of a model whose rows come from feature vectors built outside textnet (a Spark ML
     * pipeline's own tokenizer and CountVectorizer): no vocabulary.txt, no vectorizer section.
     */
    public static final String INPUT_VECTOR = "vector";
    /** tf-idf's inverse document frequencies, one per vocabulary column. */
    static final String IDF_FILE = "idf.npy";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFiles() {
    }

    public static void save(TrainedModel model, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> checksums = new LinkedHashMap<>();
        List<String> tokens = model.vectorizer().vocabulary().tokens();
        for (String t : tokens) {
            if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
                throw new IllegalStateException("token with a line break cannot be saved: " + t);
            }
        }
        Files.writeString(dir.resolve("vocabulary.txt"), tokens.isEmpty() ? "" : String.join("\n", tokens) + "\n",
                StandardCharsets.UTF_8);
        checksums.put("vocabulary.txt", sha256(dir.resolve("vocabulary.txt")));
        float[] idf = model.vectorizer().values().idf();
        if (idf != null) {
            Npy.write(dir.resolve(IDF_FILE), idf, idf.length);
            checksums.put(IDF_FILE, sha256(dir.resolve(IDF_FILE)));
        }

        NetworkSpec spec = model.spec();
        ArrayNode layers = writeLayers(spec, model.parameters(), dir, checksums);

        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT).put("format_version", FORMAT_VERSION).put("name", model.config().name())
                .put("task", model.task());
        json.putPOJO("labels", model.vectorizer().labels().labels());
        json.put("input", "multi-hot").put("input_size", spec.inputSize()).put("loss", spec.loss().configName());
        if (spec.multiLabel()) {
            json.put("threshold", spec.threshold());
        }
        json.set("layers", layers);
        ObjectNode vec = json.putObject("vectorizer");
        vec.put("lowercase", model.vectorizer().config().lowercase())
                .put("token_pattern", model.vectorizer().config().tokenPattern())
                .put("split", "gaps").put("ngrams", model.vectorizer().config().ngrams())
                .put("output_mode", model.vectorizer().config().mode().key())
                .put("vocabulary", "vocabulary.txt").put("vocabulary_size", tokens.size());
        if (idf != null) {
            vec.put("idf", IDF_FILE);
        }
        json.set("onnx", writeOnnx(dir, onnxGraphs(model), checksums));
        json.set("config", ConfigLoader.toTree(model.config()));
        json.putPOJO("files", checksums);
        JSON.writeValue(dir.resolve("model.json").toFile(), json);
    }

    /**
     * The same folder as {@link #save(TrainedModel, Path)} without vocabulary.txt and the vectorizer
     * section: the vocabulary lives in the pipeline stage that built the vectors. The labels are the
     * class numbers, so the folder still says what each output unit means.
     */
    public static void saveVectorInput(VectorInputModel model, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> checksums = new LinkedHashMap<>();
        NetworkSpec spec = model.spec();
        ArrayNode layers = writeLayers(spec, model.parameters(), dir, checksums);
        List<String> labels = classNumbers(model.classes());
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT).put("format_version", FORMAT_VERSION).put("name", model.config().name())
                .put("task", vectorInputTask(model));
        json.putPOJO("labels", labels);
        json.put("input", INPUT_VECTOR).put("input_size", spec.inputSize()).put("loss", spec.loss().configName());
        json.set("layers", layers);
        json.set("onnx", writeOnnx(dir, onnxGraphs(model), checksums));
        json.set("config", ConfigLoader.toTree(model.config()));
        json.putPOJO("files", checksums);
        JSON.writeValue(dir.resolve("model.json").toFile(), json);
    }

    /** A model's ONNX graphs (OnnxExport): model.onnx's bytes, and model-text.onnx's or why there is none. */
    public record OnnxGraphs(byte[] vector, byte[] text, String noText) {
    }

    static OnnxGraphs onnxGraphs(TrainedModel model) {
        String why = OnnxExport.whyNoTextGraph(model);
        return new OnnxGraphs(OnnxExport.vectorGraph(OnnxExport.of(model)), why == null ? OnnxExport.textGraph(model) : null, why);
    }

    static OnnxGraphs onnxGraphs(VectorInputModel model) {
        return new OnnxGraphs(OnnxExport.vectorGraph(OnnxExport.of(model, classNumbers(model.classes()),
                vectorInputTask(model))), null, "a model over feature vectors has no vectorizer");
    }

    /**
     * The ONNX graphs of the model folder {@code dir}, text or feature-vector model, verified as loading
     * it is (by the loader its "input" names: the files are hashed once).
     */
    public static OnnxGraphs onnxGraphs(Path dir) {
        return INPUT_VECTOR.equals(parsedJson(dir).path("input").asText()) ? onnxGraphs(loadVectorInput(dir))
                : onnxGraphs(load(dir));
    }

    /**
     * Writes the ONNX graphs into the model folder {@code dir} (one saved before textnet wrote them, or
     * again: the same bytes) and lists them in its model.json, each file renamed into place. A file of
     * that name which model.json does not list is not textnet's: it is refused, never replaced.
     *
     * @return the graphs written
     */
    public static OnnxGraphs addOnnx(Path dir) {
        OnnxGraphs graphs = onnxGraphs(dir); // verifies every listed file
        ObjectNode json = (ObjectNode) parsedJson(dir);
        for (String file : List.of(OnnxExport.VECTOR_FILE, OnnxExport.TEXT_FILE)) {
            if (Files.exists(dir.resolve(file), java.nio.file.LinkOption.NOFOLLOW_LINKS) && !json.path("files").has(file)) {
                throw JobException.output(dir.resolve(file) + " exists and is not one of the model's files (model.json"
                        + " does not list it); textnet does not replace it: move it away and export again");
            }
        }
        Map<String, String> checksums = new LinkedHashMap<>();
        json.path("files").fields().forEachRemaining(f -> checksums.put(f.getKey(), f.getValue().asText()));
        try {
            json.set("onnx", writeOnnx(dir, graphs, checksums));
            json.putPOJO("files", checksums);
            AtomicFiles.write(dir.resolve("model.json"), JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw JobException.output("cannot write into the model folder " + dir + ": " + e.getMessage());
        }
        return graphs;
    }

    /**
     * model.onnx, and model-text.onnx when there is one, into {@code dir} with their checksums;
     * returns model.json's "onnx" entry: the opset, the files, or why there is no text graph.
     */
    private static ObjectNode writeOnnx(Path dir, OnnxGraphs graphs, Map<String, String> checksums) throws IOException {
        ObjectNode onnx = JSON.createObjectNode().put("opset", OnnxExport.OPSET);
        AtomicFiles.write(dir.resolve(OnnxExport.VECTOR_FILE), graphs.vector());
        checksums.put(OnnxExport.VECTOR_FILE, sha256(graphs.vector()));
        onnx.put("model", OnnxExport.VECTOR_FILE);
        if (graphs.text() != null) {
            AtomicFiles.write(dir.resolve(OnnxExport.TEXT_FILE), graphs.text());
            checksums.put(OnnxExport.TEXT_FILE, sha256(graphs.text()));
            onnx.put("text_model", OnnxExport.TEXT_FILE);
        } else {
            onnx.putNull("text_model").put("no_text_model", graphs.noText());
        }
        return onnx;
    }

    /** A feature-vector model's labels: its class numbers, so the folder still says what each output unit means. */
    private static List<String> classNumbers(int classes) {
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            labels.add(Integer.toString(c));
        }
        return labels;
    }

    private static String vectorInputTask(VectorInputModel model) {
        return model.classes() == 2 ? "binary" : "multiclass";
    }

    /** Loads and verifies a folder written by {@link #saveVectorInput}, with the same checks as {@link #load}. */
    public static VectorInputModel loadVectorInput(Path dir) {
        Path jsonFile = dir.resolve("model.json");
        JsonNode json = verifiedJson(dir);
        if (!INPUT_VECTOR.equals(json.path("input").asText())) {
            throw JobException.input(jsonFile + " is a text model (\"input\": " + json.path("input")
                    + ", with its own vocabulary), not one over feature vectors; use it with textnet predict");
        }
        int inputSize = json.path("input_size").asInt(-1);
        int classes = json.path("labels").size();
        if (inputSize < 1 || classes < 2) {
            throw JobException.input(jsonFile + ": needs \"input_size\" of at least 1 and at least 2 labels, has "
                    + json.path("input_size") + " and " + classes);
        }
        try {
            requireLayersListed(dir, json);
            JobConfig config = ConfigLoader.fromTree(json.path("config"), jsonFile.toString());
            NetworkSpec spec = NetworkSpec.of(config.model(), inputSize, classes);
            return new VectorInputModel(config, spec, readLayers(dir, json, spec), classes);
        } catch (IOException e) {
            throw JobException.input("cannot read model folder " + dir + ": " + e);
        }
    }

    /** Loads and verifies a model folder; anything unexpected is refused before use. */
    public static TrainedModel load(Path dir) {
        Path jsonFile = dir.resolve("model.json");
        JsonNode json = verifiedJson(dir);
        if (INPUT_VECTOR.equals(json.path("input").asText())) {
            throw JobException.input(jsonFile + " is a model over feature vectors (\"input\": \"" + INPUT_VECTOR
                    + "\", saved by Spark ML's textnet.ml.TextNetModel) and has no vocabulary to read text with;"
                    + " load it with TextNetModel.load in a Spark ML pipeline");
        }
        try {
            requireListed(dir, json, "vocabulary.txt");
            requireLayersListed(dir, json);
            JobConfig config = ConfigLoader.fromTree(json.path("config"), jsonFile.toString());
            List<String> labels = new ArrayList<>();
            json.path("labels").forEach(n -> labels.add(n.asText()));
            List<String> tokens = Files.readAllLines(dir.resolve("vocabulary.txt"), StandardCharsets.UTF_8);
            TextVectorizer vectorizer = new TextVectorizer(config.vectorizer(), new Vocabulary(tokens),
                    columnValues(dir, json, config, tokens.size()), new LabelIndex(labels));
            NetworkSpec spec = TrainedModel.specOf(config, vectorizer);
            float[] params = readLayers(dir, json, spec);
            return new TrainedModel(config, vectorizer, spec, params);
        } catch (IOException e) {
            throw JobException.input("cannot read model folder " + dir + ": " + e);
        }
    }

    /** model.json parsed, its format and version accepted, and every listed file's checksum matching. */
    private static JsonNode verifiedJson(Path dir) {
        JsonNode json = parsedJson(dir);
        try {
            verifyChecksums(dir, json.path("files"));
        } catch (IOException e) {
            throw JobException.input("cannot read model folder " + dir + ": " + e);
        }
        return json;
    }

    /** model.json parsed, its format and version accepted; its checksums not yet checked. */
    private static JsonNode parsedJson(Path dir) {
        Path jsonFile = dir.resolve("model.json");
        JsonNode json;
        try {
            json = JSON.readTree(jsonFile.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw JobException.input("model folder " + dir + " has no model.json (is it a textnet model folder?)");
        } catch (JsonProcessingException e) {
            throw JobException.input(jsonFile + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw JobException.input("cannot read " + jsonFile + ": " + e.getMessage());
        }
        if (json == null || !json.isObject() || !FORMAT.equals(json.path("format").asText())) {
            throw JobException.input(jsonFile + " is not a textnet model (no \"format\": \"" + FORMAT + "\")");
        }
        int version = json.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw JobException.input(jsonFile + ": format_version " + json.path("format_version")
                    + " is not supported (this textnet reads version " + FORMAT_VERSION + ")");
        }
        return json;
    }

    /**
     * One .npy per parameter block of each layer ({@code layer-L-<block>.npy}: a Dense layer's kernel
     * and bias, Keras's shapes), and each layer's entry in model.json's "layers": its type, its
     * attributes, then its blocks' file names, all as the layer describes itself (textnet.nn.LayerSpec).
     */
    private static ArrayNode writeLayers(NetworkSpec spec, float[] params, Path dir, Map<String, String> checksums)
            throws IOException {
        ArrayNode layers = JSON.createArrayNode();
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            ObjectNode entry = layers.addObject().put("type", layer.type());
            layer.attributes().forEach((key, value) -> entry.set(key, JSON.valueToTree(value)));
            for (ParameterBlock block : spec.blocks(l)) {
                String file = "layer-" + l + "-" + block.name() + ".npy";
                Npy.write(dir.resolve(file), slice(params, block.offset(), block.size()), block.shape());
                checksums.put(file, sha256(dir.resolve(file)));
                entry.put(block.name(), file);
            }
        }
        return layers;
    }

    /** What the vectorizer's rows hold: tf-idf reads its inverse document frequencies from idf.npy. */
    private static ColumnValues columnValues(Path dir, JsonNode json, JobConfig config, int columns) throws IOException {
        OutputMode mode = config.vectorizer().mode();
        if (mode != OutputMode.TF_IDF) {
            return ColumnValues.of(mode);
        }
        requireListed(dir, json, IDF_FILE);
        return ColumnValues.tfIdf(Npy.read(dir.resolve(IDF_FILE), columns));
    }

    /** The flat parameter vector from the layers' .npy files, each checked against the spec's shapes. */
    private static float[] readLayers(Path dir, JsonNode json, NetworkSpec spec) throws IOException {
        float[] params = new float[spec.parameterCount()];
        JsonNode layers = json.path("layers");
        if (layers.size() != spec.layers().size()) {
            throw JobException.input(dir.resolve("model.json") + ": lists " + layers.size()
                    + " layers, its config makes " + spec.layers().size());
        }
        for (int l = 0; l < spec.layers().size(); l++) {
            for (ParameterBlock block : spec.blocks(l)) {
                String file = layers.get(l).path(block.name()).asText();
                requireListed(dir, json, file);
                float[] values = Npy.read(dir.resolve(file), block.shape());
                System.arraycopy(values, 0, params, block.offset(), values.length);
            }
        }
        return params;
    }

    /** Before anything is parsed: every .npy a layer entry names (readLayers checks its blocks again). */
    private static void requireLayersListed(Path dir, JsonNode json) {
        for (JsonNode layer : json.path("layers")) {
            layer.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual() && field.getValue().asText().endsWith(".npy")) {
                    requireListed(dir, json, field.getValue().asText());
                }
            });
        }
    }

    private static void verifyChecksums(Path dir, JsonNode files) throws IOException {
        if (!files.isObject() || files.size() == 0) {
            throw JobException.input(dir.resolve("model.json") + " lists no file checksums");
        }
        Iterator<Map.Entry<String, JsonNode>> it = files.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            Path file = dir.resolve(f.getKey()).normalize();
            if (!file.startsWith(dir.normalize()) || f.getKey().contains("/")) {
                throw JobException.input(dir.resolve("model.json") + " names a file outside the model folder: " + f.getKey());
            }
            if (!Files.isRegularFile(file)) {
                throw JobException.input("model file " + file + " is missing");
            }
            if (!sha256(file).equals(f.getValue().asText())) {
                throw JobException.input("model file " + file + " does not match its SHA-256 in model.json"
                        + " (changed or corrupted)");
            }
        }
    }

    /** Every file the loader reads must carry a checksum, or a swapped file would go unnoticed. */
    private static void requireListed(Path dir, JsonNode json, String file) {
        if (!json.path("files").has(file)) {
            throw JobException.input(dir.resolve("model.json") + " has no checksum for " + file);
        }
    }

    private static float[] slice(float[] params, int offset, int length) {
        float[] out = new float[length];
        System.arraycopy(params, offset, out, 0, length);
        return out;
    }

    static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
