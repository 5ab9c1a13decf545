package textnet.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code data.format}: the one list of the corpus and table formats textnet reads, with their config
 * names and, for tables, the file name endings that {@code predict --input} recognises.
 */
public enum DataFormat {
    ACLIMDB("aclimdb"),
    REUTERS21578("reuters21578"),
    TSV("tsv", ".tsv"),
    CSV("csv", ".csv"),
    JSONL("jsonl", ".jsonl", ".json"),
    PARQUET("parquet", ".parquet");

    public static final List<String> NAMES = Arrays.stream(values()).map(DataFormat::key).toList();

    private final String key;
    /** Table formats: the endings of their files; corpus formats (read from data.path) have none. */
    private final List<String> fileEndings;

    DataFormat(String key, String... fileEndings) {
        this.key = key;
        this.fileEndings = List.of(fileEndings);
    }

    /** The name a config file uses. */
    public String key() {
        return key;
    }

    /** A table (data.train and data.test files); else a corpus read from data.path. */
    public boolean isTable() {
        return !fileEndings.isEmpty();
    }

    /** The format named {@code key} (validated configs only: {@link ConfigValidator} checks the name). */
    public static DataFormat of(String key) {
        for (DataFormat f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown data.format '" + key + "'");
    }

    /** The table format a file's name says (case ignored), or null for none. */
    public static DataFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (DataFormat f : values()) {
            if (f.fileEndings.stream().anyMatch(lower::endsWith)) {
                return f;
            }
        }
        return null;
    }
}
