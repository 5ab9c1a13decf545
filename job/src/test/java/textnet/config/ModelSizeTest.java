package textnet.config;

import org.junit.jupiter.api.Test;
import textnet.JobException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The model-size checks: what no Java array can hold, and what the driver's heap cannot. */
class ModelSizeTest {

    private static final long GIB = 1L << 30;

    private static JobConfig config(String... overrides) {
        return ConfigLoader.load(null, List.of(overrides));
    }

    private static String refused(String... overrides) {
        JobException e = assertThrows(JobException.class, () -> config(overrides));
        assertEquals(JobException.Kind.CONFIG, e.kind());
        return e.getMessage();
    }

    @Test
    void aLayerBeyondAJavaArrayNamesTheSideToLower() {
        assertEquals("config key 'model.layers.0.units': 1000000000 units on a 10,000-token vocabulary make"
                + " 10,000,000,000,000 weights; a layer may have at most 2,147,483,639", refused("model.layers.0.units=1e9"));
        assertEquals("config key 'vectorizer.vocabulary-size': 2000000000 tokens feeding 16 units (model.layers.0.units)"
                + " make 32,000,000,000 weights; a layer may have at most 2,147,483,639",
                refused("vectorizer.vocabulary-size=2000000000"));
        assertEquals("config key 'model.layers.1.units': 1000000000 units on the 16 units of model.layers.0 make"
                + " 16,000,000,000 weights; a layer may have at most 2,147,483,639", refused("model.layers.1.units=1000000000"));
    }

    @Test
    void theWholeModelAndTheOptimizerStateMustFitAnArrayToo() {
        assertEquals("config key 'model.layers.0.units': the layers make 3,000,210,001 parameters; a model may have"
                + " at most 2,147,483,639", refused("model.layers.0.units=200000", "model.layers.1.units=5000"));
        assertEquals("config key 'model.layers.0.units': the model's 2,003,400,033 parameters need 4,006,800,066 adam"
                + " state values; an array may have at most 2,147,483,639",
                refused("model.layers.0.units=200000", "train.optimizer.name=adam"));
        assertEquals(2_003_400_033L, ModelSize.parameters(config("model.layers.0.units=200000")), "rmsprop: P values fit");
    }

    @Test
    void driverBytesCountStateBroadcastGradientAndDoubleSums() {
        long p = 160_305; // the IMDB tutorial network: 10,000 x 16 + 16, 16 x 16 + 16, 16 x 1 + 1
        assertEquals(p, ModelSize.parameters(config()));
        // state 4(P+S), broadcast 4(P+S), gradient 4P, double sums 8(P+S)
        assertEquals(36 * p, ModelSize.driverBytes(config()), "rmsprop: S = P");
        assertEquals(52 * p, ModelSize.driverBytes(config("train.optimizer.name=adam")), "adam: S = 2P");
        assertEquals(20 * p, ModelSize.driverBytes(config("train.optimizer.name=sgd")), "sgd: S = 0");
        assertEquals(36 * p, ModelSize.driverBytes(config("train.optimizer={name: sgd, momentum: 0.9}")));
    }

    @Test
    void aModelNeedingMoreThanHalfTheHeapIsRefused() {
        JobConfig imdb = config();
        long needs = ModelSize.driverBytes(imdb);
        ModelSize.requireFitsHeap(imdb, 2 * needs);
        JobException e = assertThrows(JobException.class, () -> ModelSize.requireFitsHeap(imdb, 2 * needs - 2));
        assertEquals(JobException.Kind.CONFIG, e.kind());

        JobConfig wide = config("model.layers.0.units=200000");
        assertEquals("config key 'model.layers.0.units': the model's 2,003,400,033 parameters need about 67.2 GB of"
                        + " driver heap, more than half of its 8.0 GB: lower model.layers.0.units or raise the heap"
                        + " (TEXTNET_JAVA_OPTS=-Xmx...)",
                assertThrows(JobException.class, () -> ModelSize.requireFitsHeap(wide, 8 * GIB)).getMessage());
        ModelSize.requireFitsHeap(wide, 256 * GIB);
    }
}
