package textnet.data;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import textnet.JobException;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one place a user's path becomes a Hadoop {@link Path}, and driver-side checks and listings
 * through Hadoop's FileSystem, so paths may be local, HDFS or S3 alike; every failure is one line
 * naming the config key or the path.
 *
 * <p>The rule: a value that starts with a URI scheme followed by a slash ({@code hdfs://},
 * {@code s3a://}, {@code file:/}) is a Hadoop URI as given; anything else is a local path, taken
 * literally: {@code a:b.tsv} is a file name (Hadoop's own parsing would read "a" as a scheme), and
 * {@code train[1].tsv} names that file, not a pattern. A later version may read a value that names no
 * existing file as a pattern; an existing literal path must keep winning.
 */
final class InputPaths {

    /** What Hadoop's GlobPattern treats as special; a backslash before one makes it literal. */
    private static final String GLOB_CHARACTERS = "{}[]*?\\";

    private InputPaths() {
    }

    /** The user's value as a Hadoop path (see the class comment for the rule). */
    static Path hadoopPath(String value) {
        if (hasUriScheme(value)) {
            return new Path(value);
        }
        // java.io.File, not Hadoop's string parsing: ':' and spaces stay part of the name
        File file = new File(value).getAbsoluteFile();
        try {
            return new Path(new URI("file", null, file.toPath().normalize().toString(), null));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("an absolute path is a valid file URI: " + file, e);
        }
    }

    /** scheme ":" "/" with an RFC 3986 scheme (a letter, then letters, digits, '+', '-', '.'). */
    static boolean hasUriScheme(String value) {
        int colon = value.indexOf(':');
        if (colon < 1 || colon + 1 >= value.length() || value.charAt(colon + 1) != '/'
                || !Character.isLetter(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The path as a string that Spark APIs which expand globs (spark.read().parquet, textFile,
     * binaryFiles, ...) take literally: {@code {}[]*?\} escaped with a backslash, which Hadoop's
     * GlobPattern reads as "this character itself". The readers open files through FileSystem.open
     * wherever they can, which never globs; only Spark's Parquet source needs this. (Hadoop's Globber
     * cannot take a name holding both ':' and a glob character: such a Parquet path stays unreadable.)
     */
    static String literalPattern(Path path) {
        URI uri = path.toUri();
        String p = uri.getPath();
        StringBuilder escaped = new StringBuilder(p.length() + 8);
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (GLOB_CHARACTERS.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return new Path(uri.getScheme(), uri.getAuthority(), escaped.toString()).toString();
    }

    /**
     * The status of the path a config key names. A local path that is neither a regular file nor a
     * folder (a FIFO, a device, a socket) is refused here: reading one would block or never end.
     *
     * @param hint what the user can do about a missing path, appended to the message
     */
    static FileStatus require(SparkContext context, String key, String value, String hint) {
        if (value == null || value.isBlank()) {
            throw JobException.input("config key '" + key + "' is not set; " + hint);
        }
        Path path;
        try {
            path = hadoopPath(value);
        } catch (IllegalArgumentException e) {
            throw JobException.input(key + ": " + value + " is not a valid path or URI: " + e.getMessage(), e);
        }
        FileStatus status;
        try {
            FileSystem fs = fileSystem(context, path);
            status = fs.getFileStatus(path);
            if (LocalFiles.isLocal(fs)) {
                String odd = LocalFiles.oddKind(LocalFiles.of(path));
                if (odd != null) {
                    throw JobException.input(key + ": " + value + " is " + odd + ", not a regular file");
                }
            }
        } catch (FileNotFoundException e) {
            throw JobException.input(key + ": " + value + " does not exist; " + hint);
        } catch (IOException e) {
            throw JobException.input(key + ": cannot read " + value + ": " + e.getMessage(), e);
        }
        return status;
    }

    static boolean isDirectory(SparkContext context, Path path) {
        try {
            FileSystem fs = fileSystem(context, path);
            return fs.exists(path) && fs.getFileStatus(path).isDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files directly in {@code dir} whose name passes the filter, sorted by name. */
    static List<FileStatus> filesIn(SparkContext context, Path dir, Predicate<String> name) {
        try {
            return Arrays.stream(fileSystem(context, dir).listStatus(dir))
                    .filter(FileStatus::isFile)
                    .filter(s -> name.test(s.getPath().getName()))
                    .sorted((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()))
                    .toList();
        } catch (IOException e) {
            throw JobException.input(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    static FileSystem fileSystem(SparkContext context, Path path) throws IOException {
        return path.getFileSystem(context.hadoopConfiguration());
    }
}
