package textnet.data;

import textnet.config.DataConfig;

/** DataConfigs as the defaults would give them, varying only what a test is about. */
final class Configs {

    private Configs() {
    }

    static DataConfig path(String format, Object path) {
        return new DataConfig(format, path == null ? null : path.toString(), "r52", null, null, "text", "label", 0, "auto");
    }

    static DataConfig reuters(Object path, String subset) {
        return new DataConfig("reuters21578", path.toString(), subset, null, null, "text", "label", 0, "auto");
    }

    static DataConfig files(String format, Object train, Object test) {
        return columns(format, train, test, "text", "label");
    }

    static DataConfig columns(String format, Object train, Object test, String textColumn, String labelColumn) {
        return new DataConfig(format, null, "r52", train == null ? null : train.toString(),
                test == null ? null : test.toString(), textColumn, labelColumn, 0, "auto");
    }

    /** {@code config} with {@code data.labels} set to {@code labels} (auto, single, multi). */
    static DataConfig labels(DataConfig config, String labels) {
        return new DataConfig(config.format(), config.path(), config.subset(), config.train(), config.test(),
                config.textColumn(), config.labelColumn(), config.validation(), labels);
    }
}
