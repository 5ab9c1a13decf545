package textnet.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import textnet.JobException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the one {@link JobConfig} of a run: defaults &lt; the YAML file &lt; {@code --set key=value}
 * overrides, bound strictly (unknown keys and wrong types are errors naming the key), then validated.
 */
public final class ConfigLoader {

    /** A key given twice in one mapping is an error, not "the last one wins". */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private ConfigLoader() {
    }

    /** The mapper that reads and writes configs (kebab-case keys), e.g. to save one with a model. */
    public static ObjectMapper mapper() {
        return YAML;
    }

    public static JobConfig load(Path file, List<String> overrides) {
        ObjectNode tree = defaults();
        String source = "defaults";
        if (file != null) {
            source = file.toString();
            merge(tree, readFile(file));
        }
        for (String override : overrides) {
            applyOverride(tree, override);
        }
        return ConfigValidator.validate(bind(tree, source));
    }

    /** The config file's mapping (empty for an empty file), or an error naming the file. */
    private static ObjectNode readFile(Path file) {
        if (Files.isDirectory(file)) {
            throw JobException.config(file + " is a directory, not a config file");
        }
        if (!Files.exists(file)) {
            throw JobException.config("config file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw JobException.config(file + " is not a regular file, not a config file");
        }
        JsonNode user;
        try (InputStream in = Files.newInputStream(file)) {
            user = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            String duplicate = duplicateKey(e, "");
            IOException readError = readError(e);
            throw JobException.config(duplicate != null ? file + ": config key '" + duplicate
                    + "' is given twice (again on line " + e.getLocation().getLineNr() + ")"
                    : readError != null ? "config file " + file + " cannot be read: " + reason(readError)
                    : file + ": not valid YAML: " + oneLine(e.getOriginalMessage()) + location(e));
        } catch (IOException e) {
            throw JobException.config("config file " + file + " cannot be read: " + reason(e));
        }
        if (user == null || user.isMissingNode() || user.isNull()) {
            return YAML.createObjectNode();
        }
        if (!user.isObject()) {
            throw JobException.config(file + ": a config is a YAML mapping of keys");
        }
        return (ObjectNode) user;
    }

    /**
     * The dotted key ({@code prefix} first) of a mapping's duplicate key, or null when {@code e} is another
     * error. Jackson's strict duplicate detection says only {@code Duplicate field 'epochs'}; the parser,
     * stopped at the duplicate, knows the path.
     */
    private static String duplicateKey(JsonProcessingException e, String prefix) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate field")
                || !(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonPointer p = parser.getParsingContext().pathAsPointer(); !p.matches(); p = p.tail()) {
            parts.add(p.getMatchingProperty());
        }
        return prefix + String.join(".", parts);
    }

    /** The file's own read error, when the YAML parser wrapped one (SnakeYAML reads the stream itself). */
    private static IOException readError(JsonProcessingException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IOException io && !(c instanceof JsonProcessingException)) {
                return io;
            }
        }
        return null;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? oneLine(e.getMessage()) : e.getClass().getSimpleName();
    }

    /** A config with some keys changed, e.g. a saved model's config pointed at other data. */
    public static JobConfig override(JobConfig base, List<String> overrides) {
        ObjectNode tree = (ObjectNode) toTree(base);
        for (String override : overrides) {
            applyOverride(tree, override);
        }
        return ConfigValidator.validate(bind(tree, "--set"));
    }

    /** Binds a complete tree, such as the config saved with a model. */
    public static JobConfig fromTree(JsonNode tree, String source) {
        ObjectNode merged = defaults();
        merge(merged, (ObjectNode) tree);
        return ConfigValidator.validate(bind(merged, source));
    }

    public static JsonNode toTree(JobConfig config) {
        return YAML.valueToTree(config);
    }

    static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Objects merge key by key; lists and scalars replace. Unknown keys survive to fail binding. */
    private static void merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode existing = base.get(f.getKey());
            if (existing instanceof ObjectNode eo && f.getValue() instanceof ObjectNode fo) {
                merge(eo, fo);
            } else {
                base.set(f.getKey(), f.getValue());
            }
        }
    }

    private static void applyOverride(ObjectNode tree, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw JobException.config("--set needs key=value, got '" + override + "'");
        }
        String key = override.substring(0, eq).trim();
        JsonNode value;
        try {
            value = YAML.readTree(override.substring(eq + 1));
        } catch (JsonProcessingException e) {
            String duplicate = duplicateKey(e, key + ".");
            throw JobException.config(duplicate != null
                    ? "--set " + key + ": config key '" + duplicate + "' is given twice"
                    : "--set " + key + ": value is not valid YAML");
        }
        if (value == null || value.isMissingNode()) {
            value = YAML.nullNode();
        }
        String[] parts = key.split("\\.");
        JsonNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = child(node, parts[i]);
            if (next == null || !(next.isObject() || next.isArray())) {
                throw JobException.config("unknown config key '" + key + "' (from --set)");
            }
            node = next;
        }
        String last = parts[parts.length - 1];
        if (node instanceof ObjectNode on && on.get(last) instanceof ObjectNode existing && value instanceof ObjectNode given) {
            merge(existing, given); // --set train.early-stopping={monitor: loss} keeps the other keys' values
        } else if (node instanceof ObjectNode on) {
            on.set(last, value);
        } else if (node instanceof ArrayNode an && isIndex(last) && Integer.parseInt(last) < an.size()) {
            an.set(Integer.parseInt(last), value);
        } else {
            throw JobException.config("unknown config key '" + key + "' (from --set)");
        }
    }

    private static JsonNode child(JsonNode node, String part) {
        if (node.isArray()) {
            return isIndex(part) ? node.get(Integer.parseInt(part)) : null;
        }
        return node.get(part);
    }

    private static boolean isIndex(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 6;
    }

    private static JobConfig bind(ObjectNode tree, String source) {
        WholeNumberKeys.check(tree);
        try {
            return YAML.treeToValue(tree, JobConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String valid = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw JobException.config("unknown config key '" + path(e) + "' in " + source
                    + " (valid keys here: " + valid + ")");
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof JobException own) {
                throw own; // a value type's own check (ClassWeightConfig), already naming its key
            }
            throw JobException.config("config in " + source + ": " + oneLine(e.getOriginalMessage()));
        } catch (InvalidFormatException e) {
            throw JobException.config("config key '" + path(e) + "' in " + source + ": '" + e.getValue()
                    + "' is not " + article(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw JobException.config("config key '" + path(e) + "' in " + source + ": expected "
                    + article(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw JobException.config("config in " + source + ": " + oneLine(e.getOriginalMessage()));
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static String article(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of keys";
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
