package textnet.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.io.VectorInputModel;
import textnet.nn.DropoutSpec;
import textnet.nn.Network;
import textnet.nn.NetworkSpec;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The Spark ML stage reads and writes a model folder whose layers include dropout and regularized kernels. */
class TextNetModelDropoutTest {

    @TempDir
    Path dir;

    @Test
    void aModelWithDropoutSavesAndLoads() throws Exception {
        SparkTestSupport.spark();
        JobConfig config = ConfigLoader.load(null, List.of("name=tn-dropout", "model.layers=[{units: 4, activation: relu,"
                + " kernel-regularizer: {l2: 0.002}}, {dropout: 0.5}]"));
        NetworkSpec spec = NetworkSpec.of(config.model(), 6, 3);
        float[] params = new Network(spec).initialParameters(3);
        TextNetModel model = new TextNetModel("tn-dropout", new VectorInputModel(config, spec, params, 3));
        Path path = dir.resolve("m");
        model.write().save(path.toString());

        TextNetModel back = TextNetModel.load(path.toString());
        assertEquals(spec, back.network().spec());
        assertInstanceOf(DropoutSpec.class, back.network().spec().layers().get(1));
        assertArrayEquals(params, back.network().parameters());
        JsonNode layers = new ObjectMapper().readTree(path.resolve("model").resolve("model.json").toFile()).path("layers");
        assertEquals("dropout", layers.get(1).path("type").asText());
        assertEquals(0.5, layers.get(1).path("rate").asDouble());
    }
}
