package textnet.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import textnet.JobException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;

/**
 * Streams the regular files of a .tar.gz in archive order, reading into memory only the entries the
 * caller wants. Gzip cannot be split, so this runs inside one Spark task per archive.
 */
final class TarGzEntries {

    @FunctionalInterface
    interface Visitor {
        void accept(String name, byte[] content);
    }

    private TarGzEntries() {
    }

    /**
     * @param archiveName how the user named the archive, for error messages
     * @throws JobException (input) when the stream is not gzip, or the gzip or tar is truncated or corrupt
     */
    static void forEach(InputStream in, String archiveName, Predicate<String> wanted, Visitor visitor) {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(in, 1 << 16), true))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && wanted.test(entry.getName())) {
                    visitor.accept(entry.getName(), tar.readAllBytes());
                }
            }
        } catch (IOException e) {
            String why = e instanceof EOFException ? "it ends early (an interrupted download?)"
                    : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw JobException.input(archiveName + ": not a readable .tar.gz archive (truncated, corrupt"
                    + " or not gzip): " + why.replace('\n', ' '), e);
        }
    }
}
