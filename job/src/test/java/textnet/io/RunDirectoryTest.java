package textnet.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunDirectoryTest {

    @TempDir
    Path dir;

    private long entries() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void appearsOnlyOnCommitWithSuccessLast() throws Exception {
        Path out = dir.resolve("run");
        try (RunDirectory run = RunDirectory.create(out, false)) {
            Files.writeString(run.path().resolve("metrics.json"), "{}");
            assertFalse(Files.exists(out), "nothing visible before commit");
            run.commit();
        }
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        assertTrue(Files.exists(out.resolve("metrics.json")));
        assertEquals(1, entries(), "no staging folder left behind");
    }

    @Test
    void failureLeavesNothingAndKeepsAnEarlierRun() throws Exception {
        Path out = dir.resolve("run");
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.txt"), "keep me");
        try (RunDirectory run = RunDirectory.create(out, true)) {
            Files.writeString(run.path().resolve("half.txt"), "x");
            // no commit: the run failed
        }
        assertEquals("keep me", Files.readString(out.resolve("old.txt")));
        assertFalse(Files.exists(out.resolve("half.txt")));
        assertEquals(1, entries());
    }

    @Test
    void nonEmptyOutIsRefusedWithoutOverwriteAndReplacedWithIt() throws Exception {
        Path out = dir.resolve("run");
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.txt"), "x");
        JobException e = assertThrows(JobException.class, () -> RunDirectory.create(out, false));
        assertEquals(JobException.Kind.OUTPUT, e.kind());
        assertTrue(e.getMessage().contains("--overwrite"));
        try (RunDirectory run = RunDirectory.create(out, true)) {
            Files.writeString(run.path().resolve("new.txt"), "y");
            run.commit();
        }
        assertFalse(Files.exists(out.resolve("old.txt")));
        assertTrue(Files.exists(out.resolve("new.txt")));
        assertEquals(1, entries());
    }

    @Test
    void emptyExistingFolderIsFine() throws Exception {
        Path out = Files.createDirectories(dir.resolve("run"));
        try (RunDirectory run = RunDirectory.create(out, false)) {
            run.commit();
        }
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
    }
}
