package textnet.data;

import org.apache.hadoop.fs.FileSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What java.nio tells about local files and Hadoop's local FileSystem does not: FIFOs, devices and
 * sockets (Hadoop calls every non-folder a file, and reading a FIFO or /dev/zero never ends) and
 * where symbolic links lead. Driver-side only, at listing time.
 */
final class LocalFiles {

    // st_mode's file type bits (POSIX <sys/stat.h>)
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private LocalFiles() {
    }

    /**
     * Only the local file system ("file:") has links to follow and special files: HDFS has symbolic
     * links switched off by default and S3 has none, and neither has FIFOs or devices.
     */
    static boolean isLocal(FileSystem fs) {
        return "file".equals(fs.getScheme());
    }

    static Path of(org.apache.hadoop.fs.Path local) {
        return Paths.get(local.toUri());
    }

    /**
     * Null for a regular file or a folder (links followed); otherwise what it is, as "a FIFO",
     * "a character device", "a block device", "a socket" or "a special file".
     */
    static String oddKind(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return attributes.isRegularFile() || attributes.isDirectory() ? null : kindOfOther(path);
    }

    private static String kindOfOther(Path path) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode");
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return "a special file"; // a JDK without the unix attribute view: say less, refuse all the same
        }
        return switch (mode & S_IFMT) {
            case S_IFIFO -> "a FIFO";
            case S_IFCHR -> "a character device";
            case S_IFBLK -> "a block device";
            case S_IFSOCK -> "a socket";
            default -> "a special file";
        };
    }

    /** Attributes of the entry itself, a link not followed. */
    static BasicFileAttributes ownAttributes(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
