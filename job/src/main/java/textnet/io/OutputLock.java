package textnet.io;

import textnet.JobException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One textnet process at a time writes an output ({@code --out}, {@code --checkpoints},
 * {@code --output}): the first to lock {@code .NAME.lock} beside it wins, any other exits 4 at
 * start naming the holder. The lock is the operating system's (released when the holder dies, so a
 * killed run leaves no stale lock behind, only a file the next run reuses); the file holds the
 * holder's {@link ProcessOwner} for the message, and is removed by the holder when it is done.
 *
 * <p>Removing the file while others may open it is safe because a winner checks, after locking,
 * that the path still names the file it locked (it writes a token through its channel and reads it
 * back by path); a process that locked a file just removed by the previous holder starts over.
 * POSIX locks belong to a process and go with the first descriptor it closes on the file, which is
 * why this class never opens a lock file its JVM holds (see {@link #HELD_HERE}).
 */
public final class OutputLock implements AutoCloseable {

    /**
     * The lock files this JVM holds, and by whom. A POSIX lock belongs to the process and is released
     * when the process closes <em>any</em> descriptor of the file, so this JVM must never open a lock
     * file it holds (to read who holds it, or to see whether it is abandoned): it looks here instead.
     */
    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileChannel check;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileChannel check, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.check = check;
        this.lock = lock;
    }

    /** The lock file of {@code target}: a hidden sibling. */
    public static Path fileOf(Path target) {
        return target.toAbsolutePath().normalize().resolveSibling("." + target.getFileName() + ".lock");
    }

    /**
     * @param what how the message names the output, e.g. {@code "output folder runs/imdb"}
     * @throws JobException (output) when another process holds it
     */
    public static OutputLock acquire(Path target, String what, ProcessOwner me) {
        Path file = fileOf(target);
        for (int attempt = 0; attempt < 5; attempt++) {
            String here = HELD_HERE.get(file);
            if (here != null) {
                throw heldBy(what, here);
            }
            FileChannel channel = null;
            FileChannel check = null;
            try {
                Files.createDirectories(file.getParent());
                // never through a link: a planted .NAME.lock -> somewhere would otherwise be truncated
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    throw heldBy(what, holderOnceWritten(file).map(ProcessOwner::describe).orElse("holder unknown"));
                }
                String token = me.toJson();
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
                // Does the path still name the file we locked? Read it by path through a second
                // descriptor, kept open as long as the lock is held (closing it would release the lock).
                try {
                    check = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    lock.release(); // removed by the previous holder after we opened it: start over
                    channel.close();
                    continue;
                }
                if (token.equals(read(check))) {
                    HELD_HERE.put(file, me.describe());
                    return new OutputLock(file, channel, check, lock);
                }
                lock.release(); // replaced meanwhile by another process's lock file: start over
                channel.close();
                check.close();
            } catch (OverlappingFileLockException e) {
                closeQuietly(channel);
                throw heldBy(what, "another command of this process");
            } catch (IOException e) {
                closeQuietly(channel);
                closeQuietly(check);
                throw JobException.output("cannot create the lock file " + file + ": " + e.getMessage());
            }
        }
        throw JobException.output(what + " is being locked and released by other textnet runs; try again");
    }

    /**
     * Removes {@code file} if it is a lock file of textnet's that nobody holds (its process was
     * killed); true when it did. Done under the lock, as a holder removes its own.
     */
    static boolean removeIfAbandoned(Path file) {
        if (HELD_HERE.containsKey(file.toAbsolutePath().normalize()) || holder(file).isEmpty()) {
            return false; // ours, or not written by textnet (or already gone)
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            Files.deleteIfExists(file);
            lock.release();
            return true;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    /** Removes the lock file, then releases the lock (in this order: see the class comment). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next run reuses it
        }
        HELD_HERE.remove(file);
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
        closeQuietly(check);
    }

    private static JobException heldBy(String what, String holder) {
        return JobException.output(what + " is being written by another textnet run (" + holder
                + "); wait for it to finish or choose another path");
    }

    /**
     * The holder of a lock just found held: it writes its name right after taking the lock, so a
     * holder caught in between is waited for (up to 2 s) rather than reported as unknown.
     */
    private static Optional<ProcessOwner> holderOnceWritten(Path file) {
        for (int wait = 0; wait < 40; wait++) {
            Optional<ProcessOwner> holder = holder(file);
            if (holder.isPresent()) {
                return holder;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return holder(file);
    }

    /** Who holds a lock file this JVM does not hold (reading it cannot release our own locks). */
    private static Optional<ProcessOwner> holder(Path file) {
        try {
            return ProcessOwner.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 16));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
