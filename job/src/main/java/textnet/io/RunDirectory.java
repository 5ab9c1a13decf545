package textnet.io;

import textnet.JobException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * A run's output folder that appears complete or not at all: everything is written into a hidden
 * sibling, {@code _SUCCESS} last, then renamed into place. An existing non-empty folder is refused
 * unless overwriting was asked for, and even then it is only replaced once the new run is complete.
 */
public final class RunDirectory implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    private RunDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    public static RunDirectory create(Path out, boolean overwrite) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !overwrite && !isEmptyDirectory(target)) {
            throw JobException.output("output folder " + out + " exists and is not empty;"
                    + " pass --overwrite to replace it, or choose another --out");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw JobException.output("--out " + out + " is a file, not a folder");
        }
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
            return new RunDirectory(target, staging);
        } catch (IOException e) {
            throw JobException.output("cannot create the output folder next to " + out + ": " + e.getMessage());
        }
    }

    /** Where to write the run's files until {@link #commit()}. */
    public Path path() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /** Writes {@code _SUCCESS} and moves the run into place, replacing an earlier one only now. */
    public void commit() {
        publish(true);
    }

    /**
     * Moves the run into place; {@code _SUCCESS} only when it {@code succeeded}. A run that finished
     * but was rejected (a quality gate) is published without it, so a scheduler waiting for the
     * marker never picks it up while a person can still read its metrics.
     */
    public void publish(boolean succeeded) {
        try {
            if (succeeded) {
                Files.writeString(staging.resolve("_SUCCESS"), "");
            }
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
            }
            move(staging, target);
            committed = true;
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw JobException.output("cannot move the finished run into " + target + ": " + e.getMessage());
        }
    }

    /** Without a commit, the staging folder is removed and the target is as it was. */
    @Override
    public void close() {
        if (!committed) {
            deleteTree(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmptyDirectory(Path p) {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(p)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
