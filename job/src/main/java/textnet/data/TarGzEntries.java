package textnet.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import textnet.JobException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Streams the regular files of a .tar.gz in archive order, reading into memory only the entries the
 * caller wants. Gzip cannot be split, so this runs inside one Spark task per archive.
 *
 * <p>Nothing is ever extracted to disk, but an archive that holds a link (symbolic or hard) or an
 * entry whose path leaves the archive's folder ({@code ../x}, {@code /etc/x}) is refused as a whole:
 * the real corpora hold neither, so such an archive is not the corpus it claims to be, and reading
 * "around" the unsafe entries would silently train on something else.
 */
final class TarGzEntries {

    @FunctionalInterface
    interface Visitor {
        void accept(String name, byte[] content);
    }

    private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:");

    private TarGzEntries() {
    }

    /**
     * @param archiveName how the user named the archive, for error messages
     * @throws JobException (input) when the stream is not gzip, the gzip or tar is truncated or
     *                      corrupt, or an entry is a link or escapes the archive's folder
     */
    static void forEach(InputStream in, String archiveName, Predicate<String> wanted, Visitor visitor) {
        Iterator<Entry> entries = iterator(in, archiveName, wanted);
        while (entries.hasNext()) {
            Entry e = entries.next();
            visitor.accept(e.name(), e.content());
        }
    }

    /** A wanted regular file of the archive: its name and bytes. */
    record Entry(String name, byte[] content) {
    }

    /**
     * The wanted regular files, read one at a time as they are asked for (the caller holds one entry,
     * not the archive); the stream is closed once they are all read. Errors as {@link #forEach}.
     */
    static Iterator<Entry> iterator(InputStream in, String archiveName, Predicate<String> wanted) {
        InputStream tarStream;
        try { // buffered twice: the gzip reader inflates 64 KiB at a time, not a 512-byte tar record
            tarStream = new BufferedInputStream(new GzipCompressorInputStream(new BufferedInputStream(in, 1 << 16), true), 1 << 16);
        } catch (IOException e) {
            closeQuietly(in);
            throw unreadable(archiveName, e);
        }
        TarReader tar = new TarReader(tarStream);
        return new Iterator<>() {
            private Entry next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next != null || done) {
                    return next != null;
                }
                try {
                    TarArchiveEntry entry;
                    while ((entry = nextEntry(tar, archiveName)) != null) {
                        refuseUnsafe(entry, archiveName);
                        if (entry.isFile() && wanted.test(entry.getName())) {
                            if (entry.getSize() > DocumentBytes.MAX_BYTES) {
                                throw JobException.input(archiveName + ": entry '" + OneLine.of(entry.getName()) + "' "
                                        + DocumentBytes.tooLarge(entry.getSize()));
                            }
                            next = new Entry(entry.getName(), tar.content());
                            return true;
                        }
                    }
                    done = true;
                    tarStream.close();
                    return false;
                } catch (IOException e) {
                    closeQuietly(tarStream);
                    throw unreadable(archiveName, e);
                } catch (RuntimeException e) {
                    closeQuietly(tarStream);
                    throw e;
                }
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Entry e = next;
                next = null;
                return e;
            }
        };
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already failing with a better reason, or done
        }
    }

    /** Refuses links and paths that are absolute or climb out with "..", naming the entry. */
    static void refuseUnsafe(TarArchiveEntry entry, String archiveName) {
        String name = entry.getName();
        if (entry.isSymbolicLink() || entry.isLink()) {
            throw JobException.input(archiveName + ": entry '" + OneLine.of(name) + "' is a "
                    + (entry.isSymbolicLink() ? "symbolic" : "hard") + " link (to '" + OneLine.of(entry.getLinkName())
                    + "'); archives with links are refused");
        }
        if (escapes(name)) {
            throw JobException.input(archiveName + ": entry '" + OneLine.of(name) + "' has a path outside the"
                    + " archive's folder (absolute or with '..'); such archives are refused");
        }
    }

    /** Absolute (Unix, Windows drive or UNC) or with a ".." segment: the path is not inside the archive. */
    static boolean escapes(String name) {
        String n = name.replace('\\', '/');
        return n.startsWith("/") || WINDOWS_DRIVE.matcher(n).lookingAt() || ("/" + n + "/").contains("/../");
    }

    /**
     * commons-compress reports some corrupt headers as unchecked exceptions (bad numbers, negative
     * sizes); both kinds mean the same to the user, so both become the one input error.
     */
    private static TarArchiveEntry nextEntry(TarReader tar, String archiveName) throws IOException {
        try {
            return tar.next();
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException
                 | IndexOutOfBoundsException e) {
            throw unreadable(archiveName, e);
        }
    }

    private static JobException unreadable(String archiveName, Exception e) {
        String why = e instanceof EOFException ? "it ends early (an interrupted download?)"
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return JobException.input(archiveName + ": not a readable .tar.gz archive (truncated, corrupt"
                + " or not gzip): " + OneLine.of(why), e);
    }
}
