package textnet.io;

import textnet.JobException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's output folder, which appears complete or not at all, and which replaces only an earlier
 * run of textnet's. While the run is written, its process holds the folder's {@link OutputLock} (a
 * second run with the same {@code --out} exits 4 at start) and writes into {@code run/} of a
 * {@link Scratch} folder beside it, {@code _SUCCESS} last; publishing renames that into place.
 *
 * <p>An existing folder at the target is refused unless it is empty or, with {@code --overwrite},
 * a textnet run ({@link OwnedFolder.Kind#RUN}: its marker and nothing but the files textnet writes).
 * Even then it is replaced only once the new run is complete.
 */
public final class RunDirectory implements AutoCloseable {

    /** Staging and replaced-run folders of textnet versions before the scratch folder. */
    private static final String OLD_LEFTOVER = "\\.%s\\.(tmp|old)-\\d+";

    private final Path target;
    private final String userPath;
    private final boolean overwrite;
    private final OutputLock lock;
    private final Scratch scratch;
    private final Path staging;
    private final List<String> notes;
    /** The outermost folder above the target that this run created (null: none), removed again if it fails. */
    private final Path createdParents;
    private boolean published;

    private RunDirectory(Path target, String userPath, boolean overwrite, OutputLock lock, Scratch scratch,
                         List<String> notes, Path createdParents) {
        this.target = target;
        this.userPath = userPath;
        this.overwrite = overwrite;
        this.lock = lock;
        this.scratch = scratch;
        this.staging = scratch.folder("run");
        this.notes = notes;
        this.createdParents = createdParents;
        OwnedFolder.mark(staging, OwnedFolder.Kind.RUN);
    }

    /**
     * @param kept what the run folder must keep clear of (the config, the inputs, the current directory)
     * @throws JobException (output) when the folder may not be written: taken by another run, not
     *                      empty (without {@code overwrite}), not a textnet run, or overlapping a kept path
     */
    public static RunDirectory create(Path out, boolean overwrite, List<OutputPlace.Kept> kept, ProcessOwner me) {
        Path target = out.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw JobException.output("--out " + out + " is the root folder; choose a folder of its own");
        }
        OutputPlace.requireApart("--out", out, kept);
        Path createdParents = FileTrees.outermostMissing(target.getParent());
        OutputLock lock = OutputLock.acquire(target, "output folder " + out, me);
        try {
            requireReplaceable(target, out.toString(), overwrite);
            List<String> notes = new ArrayList<>(removeOldLeftovers(target));
            Scratch scratch = Scratch.create(target.getParent(), target.getFileName().toString(), me);
            notes.addAll(scratch.notes());
            return new RunDirectory(target, out.toString(), overwrite, lock, scratch, notes, createdParents);
        } catch (RuntimeException e) {
            lock.close();
            FileTrees.removeEmptyUpTo(target.getParent(), createdParents);
            throw e;
        }
    }

    /** Where to write the run's files until {@link #publish}. */
    public Path path() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /** The run's scratch folder (its {@code run/}, Spark's local dirs, temporary files). */
    public Scratch scratch() {
        return scratch;
    }

    /** Leftovers of killed runs that were removed, for {@code note:} lines. */
    public List<String> notes() {
        return notes;
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
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                requireReplaceable(target, userPath, overwrite); // again: it may have changed during the run
                Files.move(target, scratch.root().resolve("replaced")); // removed with the scratch folder
            }
            Files.move(staging, target);
            published = true;
        } catch (IOException e) {
            throw JobException.output("cannot move the finished run into " + target + ": " + e.getMessage());
        }
    }

    /**
     * Removes the scratch folder (and with it an unpublished run, or the run it replaced), then unlocks;
     * a run that was not published also removes the folders it created for it ({@code runs/}).
     */
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

    private static void requireReplaceable(Path target, String userPath, boolean overwrite) {
        if (Files.isSymbolicLink(target)) {
            throw JobException.output("--out " + userPath + " is a symbolic link; give the folder itself or another path");
        }
        if (!Files.exists(target) || isEmptyFolder(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw JobException.output("--out " + userPath + " is a file, not a folder");
        }
        if (!overwrite) {
            throw JobException.output("output folder " + userPath + " exists and is not empty;"
                    + " pass --overwrite to replace an earlier textnet run there, or choose another --out");
        }
        Optional<String> why = OwnedFolder.whyNotOwned(target, OwnedFolder.Kind.RUN);
        if (why.isPresent()) {
            throw JobException.output("--overwrite replaces only an earlier textnet run, and " + why.get()
                    + "; nothing was changed: choose another --out");
        }
    }

    /** Hidden staging folders of older textnet versions for this very target: ours, since we hold its lock. */
    private static List<String> removeOldLeftovers(Path target) {
        Pattern old = Pattern.compile(String.format(OLD_LEFTOVER, Pattern.quote(target.getFileName().toString())));
        List<String> notes = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            for (Path p : siblings.filter(p -> old.matcher(p.getFileName().toString()).matches()
                    && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (FileTrees.deleteQuietly(p)) {
                    notes.add("removed " + p + ", left by an earlier textnet run that was stopped");
                }
            }
        } catch (IOException e) {
            // nothing to clean, or a folder we cannot list: creating the scratch folder will say so
        }
        return notes;
    }

    private static boolean isEmptyFolder(Path p) {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(p)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
