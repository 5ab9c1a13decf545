package textnet.ml;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copying a model folder between the local disk and wherever Spark ML saves stages. */
final class HadoopFiles {

    private HadoopFiles() {
    }

    /**
     * The file system of {@code path}; on the local disk its raw form, because the checksummed one
     * would add hidden .crc files beside the model's own (the folder must hold only what model.json
     * lists and a Python user expects).
     */
    static FileSystem rawFileSystem(Path path, SparkContext sc) throws IOException {
        FileSystem fs = path.getFileSystem(sc.hadoopConfiguration());
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    static void deleteLocal(java.nio.file.Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove temporary folder " + dir, e);
        }
    }
}
