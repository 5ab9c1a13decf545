package textnet.io;

import textnet.JobException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A command's own scratch folder, a hidden sibling of its output ({@code .NAME.textnet-PID-RANDOM/}):
 * the run being written, Spark's local dirs, the JVM's temporary files and the log live there until
 * the command ends, so that a command writes nowhere but its outputs and this folder, and one
 * {@code rm} of a folder removes everything a killed run left. {@code owner.json} says which process
 * owns it; a later command that starts beside it removes it once that process is gone.
 */
public final class Scratch implements AutoCloseable {

    /** {@code .NAME.textnet-PID-RANDOM}: group 1 is the owner's pid. */
    private static final Pattern NAME = Pattern.compile("^\\..*\\.textnet-(\\d+)-[0-9a-f]{8}$");
    private static final Pattern LOCK = Pattern.compile("^\\..+\\.lock$");
    private static final String OWNER = "owner.json";
    /** A folder without owner.json may be one being created right now (on another host, too). */
    private static final Duration UNOWNED_GRACE = Duration.ofMinutes(10);

    private final Path root;
    private final List<String> notes;

    private Scratch(Path root, List<String> notes) {
        this.root = root;
        this.notes = List.copyOf(notes);
    }

    /**
     * Creates {@code parent/.NAME.textnet-PID-RANDOM/}, first removing the scratch folders in
     * {@code parent} whose owner is gone (each said in {@link #notes()}).
     */
    public static Scratch create(Path parent, String name, ProcessOwner me) {
        try {
            Files.createDirectories(parent);
            List<String> notes = removeAbandoned(parent);
            String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            Path root = Files.createDirectory(parent.resolve("." + name + ".textnet-" + me.pid() + "-" + random));
            Files.writeString(root.resolve(OWNER), me.toJson());
            return new Scratch(root, notes);
        } catch (IOException e) {
            throw JobException.output("cannot create a scratch folder in " + parent + ": " + e.getMessage());
        }
    }

    public Path root() {
        return root;
    }

    /** A subfolder, created on first use. */
    public Path folder(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw JobException.output("cannot write into " + root + ": " + e.getMessage());
        }
    }

    /** What was cleaned up while creating this one, for {@code note:} lines. */
    public List<String> notes() {
        return notes;
    }

    @Override
    public void close() {
        FileTrees.deleteQuietly(root);
    }

    /** Scratch folders and lock files in {@code parent} whose textnet process is gone. */
    private static List<String> removeAbandoned(Path parent) throws IOException {
        List<String> notes = new ArrayList<>();
        List<Path> candidates;
        List<Path> locks;
        try (Stream<Path> entries = Files.list(parent)) {
            List<Path> all = entries.sorted().toList();
            candidates = all.stream().filter(p -> NAME.matcher(p.getFileName().toString()).matches()
                    && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
            locks = all.stream().filter(p -> LOCK.matcher(p.getFileName().toString()).matches()
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path lock : locks) {
            if (OutputLock.removeIfAbandoned(lock)) {
                notes.add("removed " + lock + ", the lock file of a textnet run that is gone");
            }
        }
        for (Path folder : candidates) {
            Optional<String> why = abandoned(folder);
            if (why.isPresent() && FileTrees.deleteQuietly(folder)) {
                notes.add("removed " + folder + ", left by " + why.get());
            }
        }
        return notes;
    }

    /** Why the folder's owner is gone, or empty when it may still be at work. */
    private static Optional<String> abandoned(Path folder) throws IOException {
        Path owner = folder.resolve(OWNER);
        if (Files.isRegularFile(owner, LinkOption.NOFOLLOW_LINKS)) {
            Optional<ProcessOwner> o = ProcessOwner.parse(Files.readString(owner));
            if (o.isPresent()) {
                return o.get().isAlive() ? Optional.empty() : Optional.of("a textnet run that is gone (" + o.get().describe() + ")");
            }
        }
        Matcher m = NAME.matcher(folder.getFileName().toString());
        FileTime modified = Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS);
        boolean old = modified.toInstant().isBefore(Instant.now().minus(UNOWNED_GRACE));
        boolean pidGone = m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty();
        return old && pidGone ? Optional.of("a textnet run that is gone (pid " + m.group(1) + ")") : Optional.empty();
    }
}
