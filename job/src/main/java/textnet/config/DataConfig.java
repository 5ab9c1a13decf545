package textnet.config;

import java.io.Serializable;

/**
 * Where the labelled text comes from. {@code validation} is the number of training rows held out
 * (Keras: {@code x_val = x_train[:10000]}), picked by a seeded hash of each document's id.
 * {@code labels}: {@link LabelKind}.
 */
public record DataConfig(
        String format, String path, String subset, String train, String test,
        String textColumn, String labelColumn, int validation, String labels) implements Serializable {

    /** Whether each document has a set of classes rather than one (a validated config's; {@link LabelKind}). */
    public boolean multiLabel() {
        return switch (LabelKind.of(labels)) {
            case MULTI -> true;
            case SINGLE -> false;
            case AUTO -> multiLabelSubset();
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
