package textnet.io;

import textnet.JobException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One output file or folder of {@code predict} / {@code evaluate} ({@code --output}), written the
 * way a run folder is: locked for the command, kept clear of its inputs, written inside a
 * {@link Scratch} folder beside it and renamed into place when complete. An existing output is
 * replaced only with {@code --overwrite}, and then only a file, or a folder textnet wrote
 * ({@link OwnedFolder.Kind#PREDICTIONS}).
 */
public final class StagedOutput implements AutoCloseable {

    private final Path target;
    private final String userPath;
    private final boolean overwrite;
    private final OwnedFolder.Kind folderKind;
    private final OutputLock lock;
    private final Scratch scratch;
    /** The outermost folder above the output that this command created (null: none), removed again if it fails. */
    private final Path createdParents;
    private boolean published;

    private StagedOutput(Path target, String userPath, boolean overwrite, OwnedFolder.Kind folderKind,
                         OutputLock lock, Scratch scratch, Path createdParents) {
        this.target = target;
        this.userPath = userPath;
        this.overwrite = overwrite;
        this.folderKind = folderKind;
        this.lock = lock;
        this.scratch = scratch;
        this.createdParents = createdParents;
    }

    /**
     * @param folderKind the kind of folder the output is (a Parquet dataset), or null for a file
     * @param kept       what the output must keep clear of: the command's inputs, the current directory
     */
    public static StagedOutput create(Path output, boolean overwrite, OwnedFolder.Kind folderKind,
                                      List<OutputPlace.Kept> kept, ProcessOwner me) {
        Path target = output.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw JobException.output("--output " + output + " is the root folder");
        }
        OutputPlace.requireApart("--output", output, kept);
        Path createdParents = FileTrees.outermostMissing(target.getParent());
        OutputLock lock = OutputLock.acquire(target, "--output " + output, me);
        try {
            requireReplaceable(target, output.toString(), overwrite, folderKind);
            Scratch scratch = Scratch.create(target.getParent(), target.getFileName().toString(), me);
            return new StagedOutput(target, output.toString(), overwrite, folderKind, lock, scratch, createdParents);
        } catch (RuntimeException e) {
            lock.close();
            FileTrees.removeEmptyUpTo(target.getParent(), createdParents);
            throw e;
        }
    }

    /** Where to write the output until {@link #publish()} (for a folder: a path that does not exist yet). */
    public Path path() {
        return scratch.root().resolve("output");
    }

    public Scratch scratch() {
        return scratch;
    }

    public Path target() {
        return target;
    }

    /** Moves the written output into place, replacing an earlier one (allowed at start) only now. */
    public void publish() {
        Path written = path();
        try {
            if (folderKind != null) {
                OwnedFolder.mark(written, folderKind);
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                requireReplaceable(target, userPath, overwrite, folderKind); // again: it may have changed meanwhile
                Files.move(target, scratch.root().resolve("replaced")); // removed with the scratch folder
            }
            AtomicFiles.moveNew(written, target);
            published = true;
        } catch (FileAlreadyExistsException e) {
            throw JobException.output("--output " + userPath + " appeared while this command ran; nothing was replaced");
        } catch (IOException e) {
            throw JobException.output("cannot write " + userPath + ": " + e.getMessage());
        }
    }

    /** Removes the scratch folder (with an unpublished output or the one it replaced), then unlocks. */
    @Override
    public void close() {
        try {
            scratch.close();
        } finally {
            lock.close();
            if (!published) {
                FileTrees.removeEmptyUpTo(target.getParent(), createdParents);
            }
        }
    }

    private static void requireReplaceable(Path target, String userPath, boolean overwrite, OwnedFolder.Kind folderKind) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!overwrite) {
            throw JobException.output("--output " + userPath + " exists; pass --overwrite to replace it, or choose another path");
        }
        boolean folder = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
        if (folderKind == null && folder) {
            throw JobException.output("--output " + userPath + " is a folder; textnet replaces only a file there");
        }
        if (folderKind == null && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(target)) {
            throw JobException.output("--output " + userPath + " is not a regular file; choose another path");
        }
        if (folderKind != null) {
            Optional<String> why = OwnedFolder.whyNotOwned(target, folderKind);
            if (why.isPresent()) {
                throw JobException.output("--overwrite replaces only a folder textnet wrote, and " + why.get()
                        + "; nothing was changed: choose another --output");
            }
        }
    }
}
