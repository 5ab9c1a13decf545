package textnet.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code model.layers} entries: dense with an optional kernel-regularizer, or {dropout: RATE}; bad ones refused in one line naming the key. */
class LayerRulesTest {

    @TempDir
    Path dir;

    private JobConfig load(String layers) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "model:\n  layers: " + layers + "\n");
        return ConfigLoader.load(f, List.of());
    }

    private String refused(String layers) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "model:\n  layers: " + layers + "\n");
        JobException e = assertThrows(JobException.class, () -> ConfigLoader.load(f, List.of()));
        assertEquals(JobException.Kind.CONFIG, e.kind());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void dropoutAndRegularizersBind() throws Exception {
        List<LayerConfig> layers = load("[{units: 16, activation: relu, kernel-regularizer: {l2: 0.002}}, {dropout: 0.5},"
                + " {units: 8, activation: relu, kernel-regularizer: {l1: 0.001, l2: 0.01}}]").model().layers();
        assertEquals(new RegularizerConfig(0, 0.002), layers.get(0).kernelRegularizer());
        assertFalse(layers.get(0).dropsOut());
        assertTrue(layers.get(1).dropsOut());
        assertEquals(0.5, layers.get(1).dropout());
        assertNull(layers.get(1).units());
        assertEquals(new RegularizerConfig(0.001, 0.01), layers.get(2).kernelRegularizer());
    }

    @Test
    void theTutorialLayersAreUnchanged() throws Exception {
        assertEquals(List.of(new LayerConfig(16, "relu"), new LayerConfig(16, "relu")),
                load("[{units: 16, activation: relu}, {units: 16, activation: relu}]").model().layers());
    }

    private void assertNamed(String layers, String expected) throws Exception {
        String message = refused(layers);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void badEntriesNameTheirKey() throws Exception {
        assertNamed("[{units: 16, activation: relu}, {dropout: 1.0}]", "'model.layers.1.dropout' must be in [0, 1)");
        assertNamed("[{units: 16, activation: relu}, {dropout: -0.1}]", "'model.layers.1.dropout'");
        assertNamed("[{dropout: 0.5}, {units: 16, activation: relu}]", "'model.layers.0.dropout' must follow a dense layer");
        assertNamed("[{units: 16, activation: relu}, {dropout: 0.5, units: 4}]", "'model.layers.1.units'");
        assertNamed("[{units: 16, activation: relu}, {rate: 0.5}]", "'model.layers.1.rate'");
        assertNamed("[{activation: relu}]", "'model.layers.0.units' is missing");
        assertNamed("[{units: 16, activation: relu, kernel-regularizer: {l2: -1}}]", "'model.layers.0.kernel-regularizer.l2'");
        assertNamed("[{units: 16, activation: relu, kernel-regularizer: {l1: 1e400}}]", "'model.layers.0.kernel-regularizer.l1'");
        assertNamed("[{units: 16, activation: relu, kernel-regularizer: {l3: 1}}]", "'model.layers.0.kernel-regularizer.l3'");
        assertNamed("[{units: 16, activation: relu}, {dropout: half}]", "'model.layers.1.dropout'");
    }
}
