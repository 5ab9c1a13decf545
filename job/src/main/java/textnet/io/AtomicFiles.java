package textnet.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files that appear whole or not at all: written as a new hidden sibling, then renamed over the
 * target. A rename replaces a link at the target with the new file, so nothing is ever written
 * through a link to somewhere else.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = temporarySibling(target);
        try {
            Files.write(tmp, bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
            replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A fresh, unused hidden name beside {@code target}. */
    public static Path temporarySibling(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    }

    /** Renames {@code from} over {@code to}, replacing what is there (a file, a link or an empty folder). */
    public static void replace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Moves {@code from} to {@code to} only if nothing is there: a file by a hard link, which the
     * system refuses atomically when the name is taken; a folder by a rename, which the system refuses
     * onto a non-empty folder.
     *
     * @throws FileAlreadyExistsException when {@code to} exists
     */
    public static void moveNew(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            if (Files.exists(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(to.toString());
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException e) {
            Files.move(from, to); // no hard links here: checks then moves
            return;
        }
        Files.delete(from);
    }
}
