package textnet.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunDirectoryTest {

    /** No process ever has this pid (Linux's pid_max is at most 2^22). */
    static final long DEAD_PID = 4_194_305L;

    @TempDir
    Path dir;

    private final ProcessOwner me = ProcessOwner.current("textnet train (test)");

    private List<String> entries() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private RunDirectory create(Path out, boolean overwrite) {
        return RunDirectory.create(out, overwrite, List.of(), me);
    }

    /** A finished run of textnet's at {@code out}. */
    private void earlierRun(Path out) throws Exception {
        try (RunDirectory run = create(out, false)) {
            Files.writeString(run.path().resolve("metrics.json"), "{\"old\": true}");
            run.commit();
        }
    }

    @Test
    void appearsOnlyOnCommitWithSuccessLastAndLeavesNothingBeside() throws Exception {
        Path out = dir.resolve("run");
        try (RunDirectory run = create(out, false)) {
            Files.writeString(run.path().resolve("metrics.json"), "{}");
            assertFalse(Files.exists(out), "nothing visible before commit");
            assertTrue(Files.exists(OutputLock.fileOf(run.target())), "locked while written");
            run.commit();
        }
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        assertTrue(Files.exists(out.resolve("metrics.json")));
        assertTrue(OwnedFolder.isOwned(out, OwnedFolder.Kind.RUN), "marked as textnet's run");
        assertEquals(List.of("run"), entries(), "no scratch folder or lock file left behind");
    }

    @Test
    void failureLeavesNothingAndKeepsAnEarlierRun() throws Exception {
        Path out = dir.resolve("run");
        earlierRun(out);
        try (RunDirectory run = create(out, true)) {
            Files.writeString(run.path().resolve("half.txt"), "x");
            // no commit: the run failed
        }
        assertEquals("{\"old\": true}", Files.readString(out.resolve("metrics.json")));
        assertFalse(Files.exists(out.resolve("half.txt")));
        assertEquals(List.of("run"), entries());
    }

    @Test
    void overwriteReplacesAnEarlierTextnetRun() throws Exception {
        Path out = dir.resolve("run");
        earlierRun(out);
        JobException e = assertThrows(JobException.class, () -> create(out, false));
        assertEquals(JobException.Kind.OUTPUT, e.kind());
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
        try (RunDirectory run = create(out, true)) {
            Files.writeString(run.path().resolve("metrics.json"), "{\"new\": true}");
            run.commit();
        }
        assertEquals("{\"new\": true}", Files.readString(out.resolve("metrics.json")));
        assertEquals(List.of("run"), entries());
    }

    @Test
    void overwriteNeverReplacesAFolderTextnetDidNotWrite() throws Exception {
        Path out = Files.createDirectories(dir.resolve("project"));
        Files.writeString(out.resolve("metrics.json"), "mine");
        Files.createDirectories(out.resolve(".git"));
        JobException e = assertThrows(JobException.class, () -> create(out, true));
        assertEquals(JobException.Kind.OUTPUT, e.kind());
        assertTrue(e.getMessage().contains("replaces only an earlier textnet run")
                && e.getMessage().contains("'.git'"), e.getMessage());
        assertEquals("mine", Files.readString(out.resolve("metrics.json")));
        assertEquals(List.of("project"), entries(), "no lock or scratch left after the refusal");
    }

    @Test
    void aUsersFileInsideAnEarlierRunMakesItTheUsers() throws Exception {
        Path out = dir.resolve("run");
        earlierRun(out);
        Files.writeString(out.resolve("notes.txt"), "my notes on this run");
        JobException e = assertThrows(JobException.class, () -> create(out, true));
        assertTrue(e.getMessage().contains("'notes.txt'"), e.getMessage());
        assertEquals("my notes on this run", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void emptyExistingFolderIsFine() throws Exception {
        Path out = Files.createDirectories(dir.resolve("run"));
        try (RunDirectory run = create(out, false)) {
            run.commit();
        }
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
    }

    @Test
    void aSecondRunOnTheSameFolderIsRefusedNamingTheFirst() throws Exception {
        Path out = dir.resolve("run");
        try (RunDirectory first = create(out, false)) {
            JobException e = assertThrows(JobException.class, () -> create(out, true));
            assertEquals(JobException.Kind.OUTPUT, e.kind());
            assertTrue(e.getMessage().contains("being written by another textnet run")
                    && e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            first.commit();
        }
        try (RunDirectory again = create(out, true)) {
            again.commit(); // free again once the first is done
        }
    }

    @Test
    void outputsKeepClearOfInputsAndTheWorkingDirectory() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path config = Files.writeString(dir.resolve("c.yaml"), "name: x\n");
        List<OutputPlace.Kept> kept = List.of(new OutputPlace.Kept("data.path", corpus, false),
                new OutputPlace.Kept("the config", config, false),
                new OutputPlace.Kept("the current directory", dir.resolve("work"), true));
        for (Path out : List.of(corpus, dir, corpus.resolve("inside"), config, dir.resolve("work"),
                dir.resolve("work/..").resolve("corpus"))) {
            JobException e = assertThrows(JobException.class, () -> RunDirectory.create(out, true, kept, me), out.toString());
            assertEquals(JobException.Kind.OUTPUT, e.kind());
        }
        try (RunDirectory run = RunDirectory.create(dir.resolve("work/runs/a"), false, kept, me)) {
            run.commit(); // inside the working directory is where runs go
        }
    }

    @Test
    void removesScratchFoldersOfRunsThatAreGoneAndKeepsLiveOnes() throws Exception {
        Path dead = Files.createDirectories(dir.resolve(".other.textnet-" + DEAD_PID + "-0000abcd"));
        Files.writeString(dead.resolve("owner.json"), new ProcessOwner(DEAD_PID, me.host(), 0, "textnet train x").toJson());
        Files.createDirectories(dead.resolve("spark/blockmgr-1"));
        Path live = Files.createDirectories(dir.resolve(".busy.textnet-" + me.pid() + "-0000abce"));
        Files.writeString(live.resolve("owner.json"), me.toJson());
        Path userHidden = Files.createDirectories(dir.resolve(".textnet-notes"));
        try (RunDirectory run = create(dir.resolve("run"), false)) {
            assertTrue(run.notes().stream().anyMatch(n -> n.contains(dead.toString()) && n.contains("pid " + DEAD_PID)),
                    run.notes().toString());
            run.commit();
        }
        assertFalse(Files.exists(dead), "a killed run's scratch folder is removed");
        assertTrue(Files.exists(live), "a live run's scratch folder stays");
        assertTrue(Files.exists(userHidden), "a folder that only looks similar stays");
    }
}
