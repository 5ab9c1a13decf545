package textnet.config;

import java.io.Serializable;
import java.util.List;

/**
 * Where the labelled text comes from. {@code validation} is the number of training rows held out
 * (Keras: {@code x_val = x_train[:10000]}), picked by a seeded hash of each document's id.
 * {@code labels}: {@code single} (a document has one class), {@code multi} (a set of classes,
 * textnet.data.LabelSet) or {@code auto} (multi for the Reuters subset r90, else single).
 */
public record DataConfig(
        String format, String path, String subset, String train, String test,
        String textColumn, String labelColumn, int validation, String labels) implements Serializable {

    /** The values of {@code data.labels}. */
    public static final List<String> LABELS = List.of("auto", "single", "multi");

    /** Whether each document has a set of classes rather than one (a validated config's). */
    public boolean multiLabel() {
        return switch (labels == null ? "auto" : labels) {
            case "multi" -> true;
            case "single" -> false;
            default -> multiLabelSubset();
        };
    }

    /** Whether the data is a Reuters subset whose documents keep all their topics (r90, {@link ReutersSubsetName}). */
    public boolean multiLabelSubset() {
        return DataFormat.NAMES.contains(format) && dataFormat() == DataFormat.REUTERS21578
                && ReutersSubsetName.NAMES.contains(subset) && ReutersSubsetName.of(subset).multiLabel();
    }

    /** The table formats read {@code train} and {@code test}; the corpus formats read {@code path}. */
    public boolean readsSplitFiles() {
        return DataFormat.NAMES.contains(format) && dataFormat().isTable();
    }

    /** {@code format} as its enum (a validated config's). */
    public DataFormat dataFormat() {
        return DataFormat.of(format);
    }
}
