package textnet.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path yaml(String text) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, text);
        return f;
    }

    private JobException refused(String text, String... overrides) throws Exception {
        Path f = yaml(text);
        JobException e = assertThrows(JobException.class, () -> ConfigLoader.load(f, List.of(overrides)));
        assertEquals(JobException.Kind.CONFIG, e.kind());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void defaultsFileThenOverridesInThatOrder() throws Exception {
        JobConfig c = ConfigLoader.load(yaml("name: x\ntrain: {epochs: 7}\n"), List.of("train.epochs=9", "model.layers.0.units=32"));
        assertEquals("x", c.name());
        assertEquals(9, c.train().epochs());
        assertEquals(512, c.train().batchSize(), "default kept");
        assertEquals(32, c.model().layers().get(0).units());
        assertEquals("rmsprop", c.train().optimizer().name());
        assertEquals(1e-7, c.train().optimizer().epsilon());
    }

    @Test
    void aMappingFromSetMergesIntoTheDefaults() throws Exception {
        JobConfig c = ConfigLoader.load(yaml("{}"), List.of("train.optimizer={name: adam}"));
        assertEquals("adam", c.train().optimizer().name());
        assertEquals(0.001, c.train().optimizer().learningRate(), "default kept");
        assertTrue(refused("{}", "train.optimizer={nam: adam}").getMessage().contains("train.optimizer.nam"));
    }

    @Test
    void unknownKeyIsNamedWithTheValidOnes() throws Exception {
        JobException e = refused("train: {epoch: 3}\n");
        assertTrue(e.getMessage().contains("'train.epoch'"), e.getMessage());
        assertTrue(e.getMessage().contains("epochs"), e.getMessage());
    }

    @Test
    void unknownKeyFromSetIsNamed() throws Exception {
        assertTrue(refused("{}", "train.nope.x=1").getMessage().contains("train.nope.x"));
        assertTrue(refused("{}", "train.nope=1").getMessage().contains("train.nope"));
    }

    @Test
    void wrongTypeIsNamed() throws Exception {
        JobException e = refused("train: {epochs: many}\n");
        assertTrue(e.getMessage().contains("'train.epochs'") && e.getMessage().contains("whole number"), e.getMessage());
    }

    @Test
    void rangesAndNamesAreChecked() throws Exception {
        assertTrue(refused("train: {epochs: 0}\n").getMessage().contains("train.epochs"));
        assertTrue(refused("train: {batch-size: -1}\n").getMessage().contains("train.batch-size"));
        assertTrue(refused("train: {partitions: 0}\n").getMessage().contains("train.partitions"));
        assertTrue(refused("vectorizer: {vocabulary-size: 0}\n").getMessage().contains("vectorizer.vocabulary-size"));
        JobException act = refused("model: {layers: [{units: 4, activation: swish}]}\n");
        assertTrue(act.getMessage().contains("relu, sigmoid, tanh, softmax, linear"), act.getMessage());
        JobException opt = refused("train: {optimizer: {name: adagrad}}\n");
        assertTrue(opt.getMessage().contains("rmsprop, adam, sgd"), opt.getMessage());
    }

    /** vectorizer.output-mode: multi-hot by default, each of the three names, and nothing else. */
    @Test
    void outputModeIsOneOfThree() throws Exception {
        assertEquals(OutputMode.MULTI_HOT, ConfigLoader.load(yaml("{}"), List.of()).vectorizer().mode());
        assertEquals("multi-hot", ConfigLoader.load(yaml("{}"), List.of()).vectorizer().outputMode());
        assertEquals(OutputMode.COUNT, ConfigLoader.load(yaml("vectorizer: {output-mode: count}\n"), List.of())
                .vectorizer().mode());
        assertEquals(OutputMode.TF_IDF, ConfigLoader.load(yaml("{}"), List.of("vectorizer.output-mode=tf-idf"))
                .vectorizer().mode());
        JobException e = refused("vectorizer: {output-mode: bogus}\n");
        assertEquals("config key 'vectorizer.output-mode': 'bogus' is not one of multi-hot, count, tf-idf", e.getMessage());
        assertTrue(refused("{}", "vectorizer.output-mode=tfidf").getMessage().contains("'vectorizer.output-mode'"));
        assertTrue(refused("{}", "vectorizer.output-mode=TF-IDF").getMessage().contains("'vectorizer.output-mode'"));
    }

    @Test
    void badYamlAndMissingFileAreClear() throws Exception {
        assertTrue(refused("train: [unclosed\n").getMessage().contains("not valid YAML"));
        JobException e = assertThrows(JobException.class, () -> ConfigLoader.load(dir.resolve("nope.yaml"), List.of()));
        assertTrue(e.getMessage().contains("nope.yaml"));
    }

    @Test
    void aKeyGivenTwiceIsNamedWithItsLine() throws Exception {
        assertEquals(dir.resolve("c.yaml") + ": config key 'train.epochs' is given twice (again on line 3)",
                refused("train:\n  epochs: 3\n  epochs: 4\n").getMessage());
        assertEquals(dir.resolve("c.yaml") + ": config key 'model.layers.0.units' is given twice (again on line 3)",
                refused("model:\n  layers:\n    - {units: 8, activation: relu, units: 9}\n").getMessage());
        assertEquals(dir.resolve("c.yaml") + ": config key 'name' is given twice (again on line 2)",
                refused("name: a\nname: b\n").getMessage());
    }

    @Test
    void aKeyGivenTwiceInASetMappingIsNamed() throws Exception {
        assertEquals("--set train.optimizer: config key 'train.optimizer.name' is given twice",
                refused("{}", "train.optimizer={name: adam, name: sgd}").getMessage());
    }

    @Test
    void aNumberBeyondItsKeysTypeNamesTheKeyAndTheRange() throws Exception {
        assertEquals("config key 'train.epochs': 1e12 is out of range (a whole number from 1 to 2,147,483,647)",
                refused("train: {epochs: 1e12}\n").getMessage());
        assertEquals("config key 'train.epochs': 3000000000 is out of range (a whole number from 1 to 2,147,483,647)",
                refused("{}", "train.epochs=3000000000").getMessage());
        assertEquals("config key 'vectorizer.vocabulary-size': 1e10 is out of range (a whole number from 1 to 2,147,483,647)",
                refused("{}", "vectorizer.vocabulary-size=1e10").getMessage());
        assertEquals("config key 'model.layers.1.units': -5e9 is out of range (a whole number from 1 to 2,147,483,647)",
                refused("{}", "model.layers.1.units=-5e9").getMessage());
        assertEquals("config key 'data.validation': 99999999999999999999 is out of range (a whole number from 0 to 2,147,483,647)",
                refused("data: {validation: 99999999999999999999}\n").getMessage());
        assertEquals("config key 'train.seed': 1e30 is out of range (a whole number from -9,223,372,036,854,775,808"
                + " to 9,223,372,036,854,775,807)", refused("{}", "train.seed=1e30").getMessage());
        assertEquals("config key 'train.epochs': Infinity is out of range (a whole number from 1 to 2,147,483,647)",
                refused("{}", "train.epochs=1e999").getMessage());
        assertEquals("config key 'train.early-stopping.patience': 1e10 is out of range (a whole number from 0 to"
                + " 2,147,483,647)", refused("{}", "train.early-stopping={monitor: loss, patience: 1e10}").getMessage());
    }

    @Test
    void aFractionIsNotAWholeNumber() throws Exception {
        assertEquals("config key 'train.epochs': 2.5 is not a whole number", refused("{}", "train.epochs=2.5").getMessage());
        assertEquals("config key 'train.batch-size': 0.5 is not a whole number",
                refused("train: {batch-size: 0.5}\n").getMessage());
        assertEquals(7, ConfigLoader.load(yaml("{}"), List.of("train.epochs=7.0")).train().epochs(), "7.0 is whole");
        assertEquals(1000, ConfigLoader.load(yaml("{}"), List.of("train.epochs=1e3")).train().epochs());
    }

    @Test
    void aFolderOrAnUnreadableFileIsNotAConfig() throws Exception {
        JobException folder = assertThrows(JobException.class, () -> ConfigLoader.load(dir, List.of()));
        assertEquals(JobException.Kind.CONFIG, folder.kind());
        assertEquals(dir + " is a directory, not a config file", folder.getMessage());
        Path unreadable = Path.of("/proc/self/mem"); // a regular file whose reads fail, even for root
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(unreadable), "Linux /proc");
        JobException io = assertThrows(JobException.class, () -> ConfigLoader.load(unreadable, List.of()));
        assertEquals(JobException.Kind.CONFIG, io.kind());
        assertTrue(io.getMessage().startsWith("config file /proc/self/mem cannot be read: ")
                && !io.getMessage().contains("\n"), io.getMessage());
    }

    @Test
    void savedConfigRoundTrips() throws Exception {
        JobConfig c = ConfigLoader.load(yaml("name: rt\ndata: {format: tsv, train: a.tsv, test: b.tsv}\n"), List.of());
        assertEquals(c, ConfigLoader.fromTree(ConfigLoader.toTree(c), "saved"));
    }

    @Test
    void projectConfigsLoad() {
        Path conf = textnet.SparkTestSupport.project().resolve("conf");
        JobConfig imdb = ConfigLoader.load(conf.resolve("imdb.yaml"), List.of());
        assertEquals(List.of(16, 16), imdb.model().layers().stream().map(LayerConfig::units).toList());
        JobConfig reuters = ConfigLoader.load(conf.resolve("reuters.yaml"), List.of());
        assertEquals("r52", reuters.data().subset());
    }
}
