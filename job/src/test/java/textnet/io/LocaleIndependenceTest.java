package textnet.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.config.ConfigLoader;
import textnet.train.Progress;
import textnet.train.TrainingState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What textnet writes does not depend on the JVM's default locale: under Turkish, "SIGMOID".toLowerCase()
 * is "sıgmoıd" (dotless i), which broke model.json for the README's NumPy recipe; under Thai digits,
 * %04d writes ๐๐๐๑.
 */
class LocaleIndependenceTest {

    @TempDir
    Path dir;

    @Test
    void modelFilesAndCheckpointsReadTheSameUnderTurkishAndThaiDigits() throws Exception {
        Locale before = Locale.getDefault();
        try {
            for (String tag : List.of("tr-TR", "th-TH-u-nu-thai")) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                TrainedModel m = ModelFilesTest.tinyModel(List.of("NEG", "POS"));
                Path model = dir.resolve("model-" + tag);
                ModelFiles.save(m, model);
                String json = Files.readString(model.resolve("model.json"));
                assertTrue(json.contains("\"activation\" : \"sigmoid\""), json);
                assertTrue(json.contains("\"activation\" : \"tanh\""), json);
                assertTrue(json.contains("\"loss\" : \"binary-crossentropy\""), json);
                assertTrue(json.chars().allMatch(c -> c < 128), "model.json is ASCII under " + tag);
                assertArrayEquals(m.parameters(), ModelFiles.load(model).parameters());

                Path ck = dir.resolve("ck-" + tag);
                Checkpoints checkpoints = new Checkpoints(ck, ConfigLoader.load(null, List.of("train.epochs=2")));
                checkpoints.save(new Progress(1, new TrainingState(new float[] {1f}, new float[] {2f}, 3), List.of()));
                try (Stream<Path> files = Files.list(ck)) {
                    assertEquals(List.of("epoch-0001"), files.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith("epoch-")).toList(), tag);
                }
                assertEquals(1, checkpoints.latest().orElseThrow().epoch());
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
