package textnet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Running out of memory, for real: {@code predict} in its own JVM with a 600 MB heap on one document
 * of 250 MB (under the 256 MiB a document may hold, so it is read, and decoding it does not fit).
 * The user sees one line naming the heap and what to change, exit 52, and no output file.
 */
class OutOfMemoryProcessTest {

    @TempDir
    Path dir;

    @Test
    void outOfMemoryIsOneLineNamingTheHeapExit52() throws Exception {
        SparkTestSupport.spark();
        Path train = Files.writeString(dir.resolve("train.tsv"), TsvAndPredictTest.tsv(200, 1));
        Path test = Files.writeString(dir.resolve("test.tsv"), TsvAndPredictTest.tsv(60, 2));
        CliChecks.succeeds("train", CliChecks.config(), "--out", dir.resolve("run").toString(),
                "--set", "data.format=tsv", "--set", "data.train=" + train, "--set", "data.test=" + test,
                "--set", "train.epochs=1", "--set", "train.batch-size=32");
        Path big = dir.resolve("big.txt");
        BadArchiveAndFolderTest.sparse(big, 250L << 20);

        TextnetProcess.Outcome o = TextnetProcess.run(dir, dir.resolve("tmp"), List.of("-Xmx600m"),
                "predict", "--model", dir.resolve("run/model").toString(), "--input", big.toString(),
                "--output", dir.resolve("p.csv").toString());

        TextnetProcess.assertOneCleanError(o, 52, "out of memory", "GiB heap", "TEXTNET_JAVA_OPTS=-Xmx");
        assertFalse(Files.exists(dir.resolve("p.csv")), "no output");
        assertEquals(250L << 20, Files.size(big), "the input as it was");
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".p.csv.textnet-")),
                    "the scratch folder is removed: " + o);
        }
    }
}
