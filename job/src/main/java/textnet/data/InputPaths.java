package textnet.data;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import textnet.JobException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Driver-side checks and listings through Hadoop's FileSystem, so paths may be local, HDFS or S3
 * alike; every failure is one line naming the config key or the path.
 */
final class InputPaths {

    private InputPaths() {
    }

    /**
     * The status of the path a config key names.
     *
     * @param hint what the user can do about a missing path, appended to the message
     */
    static FileStatus require(SparkSession spark, String key, String value, String hint) {
        if (value == null || value.isBlank()) {
            throw JobException.input("config key '" + key + "' is not set; " + hint);
        }
        Path path = new Path(value);
        try {
            return fileSystem(spark, path).getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw JobException.input(key + ": " + value + " does not exist; " + hint);
        } catch (IOException e) {
            throw JobException.input(key + ": cannot read " + value + ": " + e.getMessage(), e);
        }
    }

    static boolean isDirectory(SparkSession spark, Path path) {
        try {
            FileSystem fs = fileSystem(spark, path);
            return fs.exists(path) && fs.getFileStatus(path).isDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files directly in {@code dir} whose name passes the filter, sorted by name. */
    static List<Path> filesIn(SparkSession spark, Path dir, Predicate<String> name) {
        try {
            return Arrays.stream(fileSystem(spark, dir).listStatus(dir))
                    .filter(FileStatus::isFile)
                    .map(FileStatus::getPath)
                    .filter(p -> name.test(p.getName()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw JobException.input(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static FileSystem fileSystem(SparkSession spark, Path path) throws IOException {
        return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    }
}
