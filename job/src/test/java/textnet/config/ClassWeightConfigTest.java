package textnet.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train.class-weight}: unset by default and then absent from the saved config (old configs and
 * checkpoint hashes read the same), {@code balanced} or a mapping from file and {@code --set}, round
 * trips, and one-line errors naming the key for anything else.
 */
class ClassWeightConfigTest {

    @TempDir
    Path dir;

    private JobConfig load(String text, String... overrides) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, text);
        return ConfigLoader.load(f, List.of(overrides));
    }

    private void refused(String text, String... overrides) {
        JobException e = assertThrows(JobException.class, () -> load(text, overrides));
        assertEquals(JobException.Kind.CONFIG, e.kind());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().contains("train.class-weight"), e.getMessage());
    }

    @Test
    void unsetByDefaultAndLeftOutOfTheSavedConfig() throws Exception {
        JobConfig c = load("name: x\n");
        assertNull(c.train().classWeight());
        assertFalse(ConfigLoader.toTree(c).path("train").has("class-weight"));
    }

    @Test
    void balancedAndMappingsFromFileAndSet() throws Exception {
        assertTrue(load("train: {class-weight: balanced}\n").train().classWeight().balanced());
        assertTrue(load("", "train.class-weight=balanced").train().classWeight().balanced());
        ClassWeightConfig map = load("train:\n  class-weight: {grain: 3.0, ship: 2, 1: 0.5}\n").train().classWeight();
        assertFalse(map.balanced());
        assertEquals(Map.of("grain", 3.0, "ship", 2.0, "1", 0.5), map.weights());
        assertEquals(Map.of("grain", 3.0), load("", "train.class-weight={grain: 3.0}").train().classWeight().weights());
    }

    @Test
    void roundTripsThroughTheSavedConfig() throws Exception {
        for (String value : new String[]{"balanced", "{grain: 3.0, earn: 0.5}"}) {
            JobConfig c = load("", "train.class-weight=" + value);
            JobConfig again = ConfigLoader.fromTree(ConfigLoader.toTree(c), "saved");
            assertEquals(c.train().classWeight(), again.train().classWeight());
            assertEquals(c, again);
        }
    }

    @Test
    void refusesWhatIsNeitherBalancedNorFiniteWeights() {
        refused("train: {class-weight: balance}\n");
        refused("train: {class-weight: [1, 2]}\n");
        refused("train: {class-weight: 3}\n");
        refused("train: {class-weight: {grain: heavy}}\n");
        refused("train: {class-weight: {grain: -1}}\n");
        refused("train: {class-weight: {grain: 1e400}}\n"); // beyond a double: infinite
        refused("", "train.class-weight={grain: -0.5}");
        // YAML's .nan and .inf do not parse here (exit 2 naming the file); the check stands behind that
        for (double bad : new double[]{Double.NaN, Double.POSITIVE_INFINITY}) {
            JobException e = assertThrows(JobException.class,
                    () -> new ClassWeightConfig(false, Map.of("grain", bad)).validate());
            assertEquals(JobException.Kind.CONFIG, e.kind());
            assertTrue(e.getMessage().contains("train.class-weight.grain"), e.getMessage());
        }
    }
}
