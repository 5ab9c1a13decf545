package textnet.cli;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;

/**
 * The local file system under the scheme {@code denyread:}, except that opening a file whose name
 * starts with "unreadable" fails as a permission error would. Tests run as root, where chmod 000 does
 * not stop reads; this makes the failure happen for every user.
 */
public class DenyReadFileSystem extends RawLocalFileSystem {

    static final String SCHEME = "denyread";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /** The parent's statuses load permissions through java.io.File, which takes only file: URIs. */
    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return plain(super.getFileStatus(f));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        FileStatus[] statuses = super.listStatus(f);
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = plain(statuses[i]);
        }
        return statuses;
    }

    private static FileStatus plain(FileStatus s) {
        return new FileStatus(s.getLen(), s.isDirectory(), 1, s.getBlockSize(), s.getModificationTime(), 0,
                s.isDirectory() ? FsPermission.getDirDefault() : FsPermission.getFileDefault(), "owner", "group",
                s.getPath());
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        if (f.getName().startsWith("unreadable")) {
            throw new AccessDeniedException(f.toUri().getPath() + " (Permission denied)");
        }
        return super.open(f, bufferSize);
    }

    /** Registers the scheme with the shared session's Hadoop configuration. */
    static void register(org.apache.spark.sql.SparkSession spark) {
        spark.sparkContext().hadoopConfiguration().set("fs." + SCHEME + ".impl", DenyReadFileSystem.class.getName());
        spark.sparkContext().hadoopConfiguration().setBoolean("fs." + SCHEME + ".impl.disable.cache", true);
    }
}
