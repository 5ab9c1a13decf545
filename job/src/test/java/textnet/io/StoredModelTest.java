package textnet.io;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Model folders written by an older version (format 1, saved by commit 7537800, step-overhead, from
 * {@link ModelFilesTest#tinyModel}) that every later version must load and predict from with the
 * same bits (Tribuo's stored-model test). The expected outputs were computed by that version.
 */
class StoredModelTest {

    private static TrainedModel stored(String name) throws Exception {
        return ModelFiles.load(Path.of(StoredModelTest.class.getResource("/models/" + name).toURI()));
    }

    @Test
    void binaryModelPredictsAsWhenItWasSaved() throws Exception {
        TrainedModel m = stored("tiny-2-classes-v1");
        assertEquals(List.of("neg", "pos"), m.vectorizer().labels().labels());
        assertArrayEquals(new float[]{0.8390079f, 0.32945994f, 0.8212816f}, ModelFilesTest.predict(m));
    }

    @Test
    void threeClassModelPredictsAsWhenItWasSaved() throws Exception {
        TrainedModel m = stored("tiny-3-classes-v1");
        assertEquals(List.of("a", "b", "c"), m.vectorizer().labels().labels());
        assertArrayEquals(new float[]{0.2762885f, 0.57285297f, 0.15085854f, 0.28476137f, 0.25445634f, 0.4607823f,
                0.5443251f, 0.22919782f, 0.22647709f}, ModelFilesTest.predict(m));
    }
}
