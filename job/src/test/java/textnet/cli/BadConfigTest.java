package textnet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static textnet.cli.CliChecks.fails;

/** Config mistakes through the CLI: exit 2 before any data is read, one line naming the key, nothing written. */
class BadConfigTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "train.epochs=0                      | 'train.epochs' must be at least 1",
            "train.epochs=-3                     | 'train.epochs' must be at least 1",
            "train.batch-size=0                  | 'train.batch-size' must be at least 1",
            "train.batch-size=-512               | 'train.batch-size' must be at least 1",
            "train.partitions=0                  | 'train.partitions' must be at least 1",
            "train.partitions=-2                 | 'train.partitions' must be at least 1",
            "vectorizer.vocabulary-size=0        | 'vectorizer.vocabulary-size' must be at least 1",
            "vectorizer.vocabulary-size=-10      | 'vectorizer.vocabulary-size' must be at least 1",
            "model.layers.0.activation=gelu      | 'model.layers.0.activation': 'gelu' is not one of relu, sigmoid, tanh, softmax, linear",
            "train.optimizer.name=adagrad        | 'train.optimizer.name': 'adagrad' is not one of rmsprop, adam, sgd",
            "vectorizer.output-mode=bogus        | 'vectorizer.output-mode': 'bogus' is not one of multi-hot, count, tf-idf",
            "model.output.loss=hinge             | 'model.output.loss': 'hinge' is not one of auto, binary-crossentropy, categorical-crossentropy, mse",
            "model.output.activation=relu        | 'model.output.activation': 'relu' is not one of auto, sigmoid, softmax, linear",
            "train.batch-size=big                | 'train.batch-size' in",
            "train.epochs=[1, 2]                 | 'train.epochs' in",
            "train.optimizer.learning-rate=fast  | 'train.optimizer.learning-rate' in",
            "train.optimiser.name=sgd            | unknown config key 'train.optimiser.name'",
            "model.dropout=0.5                   | unknown config key 'model.dropout'",
    })
    void refusedWithTheKeyNamed(String override, String says) {
        Path out = dir.resolve("run");
        var before = CliChecks.snapshot(dir);
        fails(2, List.of(says), "train", CliChecks.config(), "--out", out.toString(), "--set", override);
        CliChecks.unchanged(before, dir);
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of("train.epochs=1e12",
                        "config key 'train.epochs': 1e12 is out of range (a whole number from 1 to 2,147,483,647)"),
                Arguments.of("train.epochs=3000000000",
                        "config key 'train.epochs': 3000000000 is out of range (a whole number from 1 to 2,147,483,647)"),
                Arguments.of("vectorizer.vocabulary-size=1e10", "config key 'vectorizer.vocabulary-size': 1e10 is out of"
                        + " range (a whole number from 1 to 2,147,483,647)"),
                Arguments.of("train.epochs=2.5", "config key 'train.epochs': 2.5 is not a whole number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbers")
    void numbersBeyondAKeysRangeAreRefusedWithTheKeyAndTheRange(String override, String says) {
        var before = CliChecks.snapshot(dir);
        fails(2, List.of(says), "train", CliChecks.config(), "--out", dir.resolve("run").toString(), "--set", override);
        CliChecks.unchanged(before, dir);
    }

    @Test
    void aLayerNoJavaArrayCanHoldIsRefused() {
        var before = CliChecks.snapshot(dir);
        fails(2, List.of("config key 'model.layers.0.units': 1000000000 units on a 10,000-token vocabulary make"
                        + " 10,000,000,000,000 weights; a layer may have at most 2,147,483,639"),
                "train", CliChecks.config(), "--out", dir.resolve("run").toString(), "--set", "model.layers.0.units=1e9");
        CliChecks.unchanged(before, dir);
    }

    @Test
    void aModelTooLargeForTheDriverHeapIsRefusedBeforeAnythingIsRead() {
        // rmsprop: 36 bytes a parameter (ModelSize.driverBytes), against the test JVM's -Xmx6g
        String heap = String.format(java.util.Locale.ROOT, "%.1f GB", Runtime.getRuntime().maxMemory() / (double) (1L << 30));
        var before = CliChecks.snapshot(dir);
        fails(2, List.of("config key 'model.layers.0.units': the model's 2,003,400,033 parameters need about 67.2 GB of"
                        + " driver heap, more than half of its " + heap + ": lower model.layers.0.units or raise the heap"
                        + " (TEXTNET_JAVA_OPTS=-Xmx...)"),
                "train", CliChecks.config(), "--out", dir.resolve("run").toString(), "--set", "model.layers.0.units=200000");
        CliChecks.unchanged(before, dir);
    }

    @Test
    void aKeyGivenTwiceInASetMappingIsNamed() {
        fails(2, List.of("--set train.optimizer: config key 'train.optimizer.name' is given twice"), "train",
                CliChecks.config(), "--out", dir.resolve("run").toString(), "--set", "train.optimizer={name: adam, name: sgd}");
    }

    @Test
    void aKeyGivenTwiceInTheFileIsNamedWithItsLine() throws Exception {
        Path config = Files.writeString(dir.resolve("twice.yaml"), "name: twice\ntrain:\n  epochs: 3\n  epochs: 4\n");
        var before = CliChecks.snapshot(dir);
        fails(2, List.of(config + ": config key 'train.epochs' is given twice (again on line 4)"),
                "train", config.toString(), "--out", dir.resolve("run").toString());
        CliChecks.unchanged(before, dir);
    }

    @Test
    void aNumberBeyondItsRangeInTheFileIsNamed() throws Exception {
        Path config = Files.writeString(dir.resolve("big.yaml"), "vectorizer:\n  vocabulary-size: 1e10\n");
        var before = CliChecks.snapshot(dir);
        fails(2, List.of("config key 'vectorizer.vocabulary-size': 1e10 is out of range (a whole number from 1 to"
                + " 2,147,483,647)"), "train", config.toString(), "--out", dir.resolve("run").toString());
        CliChecks.unchanged(before, dir);
    }

    @Test
    void aFolderIsNotAConfigFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("conf.yaml"));
        var before = CliChecks.snapshot(dir);
        fails(2, List.of(folder + " is a directory, not a config file"), "train", folder.toString(),
                "--out", dir.resolve("run").toString());
        CliChecks.unchanged(before, dir);
    }

    @Test
    void aConfigThatCannotBeReadIsOneLine() {
        Path unreadable = Path.of("/proc/self/mem"); // a regular file whose reads fail, even for root
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(unreadable), "Linux /proc");
        var before = CliChecks.snapshot(dir);
        fails(2, List.of("config file /proc/self/mem cannot be read: "), "train", unreadable.toString(),
                "--out", dir.resolve("run").toString());
        CliChecks.unchanged(before, dir);
    }
}
