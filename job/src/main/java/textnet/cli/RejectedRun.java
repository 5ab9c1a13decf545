package textnet.cli;

import textnet.JobException;
import textnet.io.RunDirectory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run that failed its quality gate: its folder (metrics, history, plots, no model/) is moved into
 * place like a finished run's, but without {@code _SUCCESS}, so a scheduler waiting for the marker
 * never picks it up. RunDirectory.commit() always writes the marker; a {@code commit(boolean)} there
 * would make this class unnecessary (io/ is outside this change).
 */
final class RejectedRun {

    private RejectedRun() {
    }

    static void moveIntoPlace(RunDirectory run) {
        Path target = run.target();
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
            }
            move(run.path(), target);
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw JobException.output("cannot move the rejected run into " + target + ": " + e.getMessage());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
