package textnet.data;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import textnet.JobException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the files the driver listed ({@link InputFile}) inside Spark tasks, through Hadoop's
 * FileSystem.open (which never expands globs). A file that cannot be read (permissions, a file
 * removed after the driver listed it, a failing disk) is an input error naming the file, not a task
 * failure that would reach the user as an internal error.
 */
final class DocumentBytes {

    /**
     * The most one document (a review, a .txt to predict, an archive entry, a table row) may hold. A
     * document is held whole in a task, then as a String (up to twice its bytes) while tokenized, so
     * this keeps one document within about 1 GB of an executor's heap. The largest real review is
     * 14 KB; documents of 50 MB are tested to work.
     */
    static final long MAX_BYTES = 256L << 20;

    private DocumentBytes() {
    }

    /** "holds 300,000,000 bytes, more than the 268,435,456 (256 MiB) a document may have" */
    static String tooLarge(long bytes) {
        return String.format(Locale.ROOT, "holds %,d bytes, more than the %,d (%d MiB) a document may have",
                bytes, MAX_BYTES, MAX_BYTES >> 20);
    }

    /** Refuses a listed file over {@link #MAX_BYTES} before anything reads it. */
    static void requireSize(String key, String name, long bytes) {
        if (bytes > MAX_BYTES) {
            throw JobException.input(key + ": " + OneLine.name(name) + " " + tooLarge(bytes));
        }
    }

    /** The whole file, at most {@link #MAX_BYTES} even if it grew after the driver listed it. */
    static byte[] read(InputFile file, Configuration conf, String key) {
        try (InputStream in = open(file, conf, key)) {
            byte[] listed = in.readNBytes((int) Math.min(file.length(), MAX_BYTES));
            int next = in.read();
            if (next < 0) {
                return listed;
            }
            // it grew since it was listed: read on, within the bound
            byte[] more = in.readNBytes((int) (MAX_BYTES - listed.length));
            long total = listed.length + 1L + more.length;
            if (total > MAX_BYTES) {
                throw JobException.input(key + ": " + OneLine.name(file.name()) + " " + tooLarge(total));
            }
            byte[] all = Arrays.copyOf(listed, (int) total);
            all[listed.length] = (byte) next;
            System.arraycopy(more, 0, all, listed.length + 1, more.length);
            return all;
        } catch (IOException e) {
            throw unreadable(key, file.name(), e);
        }
    }

    /**
     * Opens a file as stored (an archive is streamed by its reader). Hadoop's local file system looks
     * for a checksum file {@code .NAME.crc} beside each file it opens, building that name in a way that
     * fails for names with ':'; users' files have no such checksums, so local files are opened through
     * the raw file system underneath.
     */
    static InputStream open(InputFile file, Configuration conf, String key) {
        // counted for the console's progress line when the job counts ({@link ReadProgress})
        return ReadProgress.counted(openStored(file, conf, key));
    }

    private static org.apache.hadoop.fs.FSDataInputStream openStored(InputFile file, Configuration conf, String key) {
        try {
            FileSystem fs = file.path().getFileSystem(conf);
            return (fs instanceof ChecksumFileSystem checked ? checked.getRawFileSystem() : fs).open(file.path());
        } catch (Exception e) { // IOException, or a file system's unchecked surprise
            throw unreadable(key, file.name(), e);
        }
    }

    /** Opens an uncompressed file at byte {@code offset} (a split of it). */
    static InputStream openAt(InputFile file, Configuration conf, String key, long offset) {
        org.apache.hadoop.fs.FSDataInputStream in = openStored(file, conf, key);
        try {
            in.seek(offset);
            return ReadProgress.counted(in);
        } catch (IOException | RuntimeException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw unreadable(key, file.name(), e);
        }
    }

    /** Opens a text file, decompressed when its name ends as Hadoop's codecs know (.gz, .bz2, ...). */
    static InputStream openText(InputFile file, Configuration conf, String key) {
        InputStream raw = open(file, conf, key);
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file.path());
        try {
            return codec == null ? raw : codec.createInputStream(raw);
        } catch (IOException | RuntimeException e) {
            try {
                raw.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw unreadable(key, file.name(), e);
        }
    }

    /** "data.path: cannot read NAME: why" with the innermost cause, on one printable line. */
    static JobException unreadable(String key, String name, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return JobException.input(key + ": cannot read " + OneLine.name(name) + ": " + OneLine.of(why), e);
    }
}
