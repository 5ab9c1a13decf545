package textnet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static textnet.cli.CliChecks.fails;

/**
 * An explicit --data with a table format, which reads data.train and data.test, is exit 2 rather than
 * silently ignored; a data.path the config file brings along stays harmless (the evaluate test trains
 * its TSV model with conf/imdb.yaml, whose data.path is the IMDB archive, as the README suggests).
 */
class DataOptionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tsv", "csv", "jsonl", "parquet"})
    void trainRefusesDataForATableFormat(String format) {
        var before = CliChecks.snapshot(dir);
        fails(2, List.of("--data sets data.path, which the " + format + " format does not read; give data.train and"
                        + " data.test (--set data.train=... --set data.test=...)"),
                "train", CliChecks.config(), "--out", dir.resolve("run").toString(), "--set", "data.format=" + format,
                "--set", "data.train=a." + format, "--set", "data.test=b." + format, "--data", "x.tar.gz");
        CliChecks.unchanged(before, dir);
    }

    @Test
    void evaluateRefusesDataForAModelTrainedOnATable() throws IOException {
        Path table = Files.writeString(dir.resolve("reviews.tsv"), TsvAndPredictTest.tsv(60, 1));
        Path run = dir.resolve("run");
        CliChecks.succeeds("train", CliChecks.config(), "--out", run.toString(), "--master", "local[2]",
                "--set", "data.format=tsv", "--set", "data.train=" + table, "--set", "data.test=" + table,
                "--set", "train.epochs=1");
        var before = CliChecks.snapshot(dir);
        fails(2, List.of("--data sets data.path, which the tsv format does not read; give data.train and data.test"),
                "evaluate", "--model", run.resolve("model").toString(), "--data", "x.tar.gz",
                "--output", dir.resolve("metrics.json").toString());
        CliChecks.unchanged(before, dir);
    }
}
