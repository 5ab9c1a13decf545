package textnet.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Removing a folder textnet wrote. Links inside it are removed as links, never followed: whatever a
 * link points to stays as it was.
 */
public final class FileTrees {

    private FileTrees() {
    }

    /** Removes {@code root} and everything under it; a missing root is fine. */
    public static void delete(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    if (exc instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // removed meanwhile (Spark cleaning its own dirs)
                    }
                    throw exc;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outermost folder of {@code dir}'s path that does not exist yet (what creating {@code dir} would create), or null. */
    public static Path outermostMissing(Path dir) {
        Path missing = null;
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
             p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /** Removes {@code dir} and its parents up to {@code top} as long as they are empty (folders this run created). */
    public static void removeEmptyUpTo(Path dir, Path top) {
        if (top == null) {
            return;
        }
        Path stop = top.toAbsolutePath().normalize();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && p.startsWith(stop); p = p.getParent()) {
            try {
                Files.deleteIfExists(p); // fails on a folder that is not empty: then its parents are not either
            } catch (IOException e) {
                return;
            }
        }
    }

    /** {@link #delete} for clean-ups that must not hide the error that led to them; true when it is gone. */
    public static boolean deleteQuietly(Path root) {
        try {
            delete(root);
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
