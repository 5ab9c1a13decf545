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
import java.util.Optional;

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
 */
public final class OutputLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code target}: a hidden sibling. */
    public static Path fileOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".lock");
    }

    /**
     * @param what how the message names the output, e.g. {@code "output folder runs/imdb"}
     * @throws JobException (output) when another process holds it
     */
    public static OutputLock acquire(Path target, String what, ProcessOwner me) {
        Path file = fileOf(target);
        for (int attempt = 0; attempt < 5; attempt++) {
            FileChannel channel = null;
            try {
                Files.createDirectories(file.getParent());
                // never through a link: a planted .NAME.lock -> somewhere would otherwise be truncated
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    channel.close();
                    throw JobException.output(what + " is being written by another textnet run ("
                            + holder(file).map(ProcessOwner::describe).orElse("holder unknown")
                            + "); wait for it to finish or choose another path");
                }
                String token = me.toJson();
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
                if (token.equals(readOrNull(file))) {
                    return new OutputLock(file, channel, lock);
                }
                lock.release(); // the file was removed (and maybe re-created) after we opened it: start over
                channel.close();
            } catch (IOException e) {
                closeQuietly(channel);
                throw JobException.output("cannot create the lock file " + file + ": " + e.getMessage());
            }
        }
        throw JobException.output(what + " is being locked and released by other textnet runs; try again");
    }

    /** Removes the lock file, then releases the lock (in this order: see the class comment). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next run reuses it
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    /** null when another process (or another command in this JVM, e.g. a test) holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static Optional<ProcessOwner> holder(Path file) {
        String text = readOrNull(file);
        return text == null ? Optional.empty() : ProcessOwner.parse(text);
    }

    private static String readOrNull(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
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
