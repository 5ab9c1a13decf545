package textnet.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import textnet.JobException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON Lines: one object per line, parsed here line by line (not by Spark's JSON source, which infers
 * a schema in a pass of its own and loses line numbers), keeping only the text and label fields. Blank
 * lines are skipped; a row's number counts the others. A missing or null text is an empty document;
 * a label may be a string, a number (written canonically, see {@link LabelText}) or a boolean. In
 * multi-label mode a label is a set of classes: a list of such values, or one value (a string of
 * {@code '|'}-joined names, normalized); see {@link LabelSet}. A list in single-label mode is an error.
 */
final class JsonlRows extends TableRowReader {

    /** Jackson's default cap on a string (20 M chars) is below what a document may hold. */
    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength((int) DocumentBytes.MAX_BYTES).build())
            .build();

    private final LineReader lines;
    private final String file;
    private final TableColumns columns;
    private long rows;

    JsonlRows(LineReader lines, String key, String file, TableColumns columns) {
        super(key, file);
        this.lines = lines;
        this.file = file;
        this.columns = columns;
    }

    @Override
    protected TableRow read() throws IOException {
        while (lines.next()) {
            Utf8Text.Decoded line = lines.text();
            if (line.text().isBlank()) {
                continue;
            }
            try (JsonParser json = JSON.createParser(line.text())) {
                return row(json, line.repaired());
            } catch (JsonProcessingException e) {
                throw notAnObject(lines.number(), OneLine.of(e.getOriginalMessage()));
            }
        }
        return null;
    }

    private TableRow row(JsonParser json, boolean repaired) throws IOException {
        requireObject(json.nextToken());
        String text = "";
        String label = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if (name.equals(columns.text())) {
                if (value == JsonToken.VALUE_STRING) {
                    text = json.getText();
                } else if (value == JsonToken.VALUE_NULL) {
                    text = "";
                } else {
                    throw wrongType(name, "data.text-column", value, "a string");
                }
            } else if (name.equals(columns.label())) {
                label = label(json, name, value);
            } else {
                json.skipChildren();
            }
        }
        JsonToken after = json.nextToken();
        if (after != null) {
            throw notAnObject(lines.number(), "more than one value on the line: " + kind(after) + " after the object");
        }
        if (columns.labelled() && label == null) {
            throw columns.noLabel(file, "line " + lines.number());
        }
        // a training row is keyed by where its line starts (splits of a file know that, not row numbers);
        // predict's unlabelled rows by their number, which names them in its output
        return new TableRow(columns.labelled() ? lines.lineStart() : rows++, text, null, label, repaired);
    }

    private String label(JsonParser json, String name, JsonToken value) throws IOException {
        java.util.function.Supplier<String> where = () -> file + " line " + lines.numberForMessage();
        if (value == JsonToken.START_ARRAY) {
            if (!columns.multiLabel()) {
                throw columns.listNeedsMulti(where.get(), "an array");
            }
            List<String> classes = new ArrayList<>();
            for (JsonToken element = json.nextToken(); element != JsonToken.END_ARRAY; element = json.nextToken()) {
                String c = scalar(json, element);
                if (c == null) {
                    throw JobException.input(where.get() + ": column '" + name + "' (data.label-column) holds an array with "
                            + kind(element) + " in it; expected strings, numbers or booleans");
                }
                classes.add(c);
            }
            return LabelSet.join(classes, where);
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        String label = scalar(json, value);
        if (label == null) {
            throw wrongType(name, "data.label-column", value,
                    columns.multiLabel() ? "a string, number or boolean, or an array of them" : "a string, number or boolean");
        }
        return columns.labelOf(label, where);
    }

    /** A string, number or boolean as a class name; null for anything else (null, an object, an array). */
    private static String scalar(JsonParser json, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_STRING -> json.getText();
            case VALUE_NUMBER_INT -> LabelText.ofInteger(json.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> LabelText.ofDecimal(json.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> json.getText();
            default -> null;
        };
    }

    private void requireObject(JsonToken first) throws IOException {
        if (first != JsonToken.START_OBJECT) {
            throw notAnObject(lines.number(), kind(first));
        }
    }

    private JobException notAnObject(long line, String why) {
        return JobException.input(file + " line " + line + ": not a JSON object (" + why + ")");
    }

    private JobException wrongType(String name, String key, JsonToken value, String expected) throws IOException {
        return JobException.input(file + " line " + lines.number() + ": column '" + name + "' (" + key + ") holds "
                + kind(value) + "; expected " + expected);
    }

    private static String kind(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    /** The top-level keys of a line that is a JSON object, or null when it is not one (driver-side checks). */
    static Set<String> keysOf(String line) {
        try (JsonParser json = JSON.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Set<String> keys = new LinkedHashSet<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(json.currentName());
                json.nextToken();
                json.skipChildren();
            }
            return keys;
        } catch (IOException e) {
            return null;
        }
    }
}
