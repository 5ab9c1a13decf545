package textnet.data;

import org.apache.spark.input.PortableDataStream;
import textnet.JobException;

/**
 * Reads one file of a folder corpus inside a Spark task. A file that cannot be read (permissions, a
 * file removed after the driver listed it, a failing disk) is an input error naming the file, not a
 * task failure that would reach the user as an internal error.
 */
final class DocumentBytes {

    private DocumentBytes() {
    }

    static byte[] read(PortableDataStream file, String name) {
        try {
            return file.toArray();
        } catch (Exception e) { // Scala methods throw checked IOExceptions without declaring them
            throw JobException.input("data.path: cannot read " + name + ": " + why(e), e);
        }
    }

    /** Opens an archive for streaming; a file that cannot be opened is an input error naming it. */
    static java.io.DataInputStream open(PortableDataStream archive, String name) {
        try {
            return new java.io.DataInputStream(ReadProgress.counted(archive.open()));
        } catch (Exception e) {
            throw JobException.input("data.path: cannot read " + name + ": " + why(e), e);
        }
    }

    /** Opens a file through Hadoop's FileSystem inside a task; a file that cannot be opened is an input error. */
    static java.io.InputStream open(org.apache.hadoop.fs.Path path, org.apache.hadoop.conf.Configuration conf,
                                    String name) {
        try {
            return ReadProgress.counted(path.getFileSystem(conf).open(path));
        } catch (Exception e) {
            throw JobException.input("data.path: cannot read " + name + ": " + why(e), e);
        }
    }

    private static String why(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return TarGzEntries.printable(message);
    }
}
