package textnet.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static textnet.cli.CliChecks.fails;

/**
 * "textnet deletes or overwrites only what it wrote itself": every flag that names an output, pointed
 * at the user's data. Each refusal exits 4 with one line, and every file that existed before is
 * byte-identical afterwards (CliChecks.snapshot hashes them).
 */
class UserDataSafetyTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path train;
    private static Path test;
    private static Path model;

    /** One small TSV run whose model the predict/evaluate cases use. */
    @BeforeAll
    static void trainOnce() throws Exception {
        SparkTestSupport.spark();
        train = Files.writeString(shared.resolve("train.tsv"), TsvAndPredictTest.tsv(200, 1));
        test = Files.writeString(shared.resolve("test.tsv"), TsvAndPredictTest.tsv(60, 2));
        CliChecks.succeeds(trainArgs(shared.resolve("run"), train, test));
        model = shared.resolve("run/model");
    }

    private static String[] trainArgs(Path out, Path trainFile, Path testFile, String... more) {
        List<String> args = new ArrayList<>(List.of("train", CliChecks.config(), "--out", out.toString(),
                "--set", "data.format=tsv", "--set", "data.train=" + trainFile, "--set", "data.test=" + testFile,
                "--set", "train.epochs=1", "--set", "train.batch-size=32"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The user's data folder: the training files and notes beside them. */
    private Path dataFolder() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.copy(train, data.resolve("train.tsv"));
        Files.copy(test, data.resolve("test.tsv"));
        Files.writeString(data.resolve("README"), "where these reviews came from");
        return data;
    }

    @Test
    void overwriteRefusesTheFolderHoldingTheTrainingFiles() throws Exception {
        Path data = dataFolder();
        Map<String, String> before = CliChecks.snapshot(dir);
        fails(4, List.of("--out " + data, "data.train"),
                trainArgs(data, data.resolve("train.tsv"), data.resolve("test.tsv"), "--overwrite"));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void overwriteRefusesAProjectFolder() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(project.resolve("Main.java"), "class Main {}\n");
        Map<String, String> before = CliChecks.snapshot(dir);
        fails(4, List.of("--overwrite replaces only an earlier textnet run", "'.git'"),
                trainArgs(project, train, test, "--overwrite"));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void overwriteRefusesTheCurrentDirectoryAndItsParents() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path out : List.of(Path.of("."), cwd, cwd.getParent())) {
            fails(4, List.of("--out " + out, "the current directory"), trainArgs(out, train, test, "--overwrite"));
        }
    }

    @Test
    void outRefusesTheConfigFileAndAFolderInsideTheCorpus() throws Exception {
        Path data = dataFolder();
        Map<String, String> before = CliChecks.snapshot(dir);
        Path config = Files.copy(Path.of(CliChecks.config()), dir.resolve("my.yaml"));
        before = CliChecks.snapshot(dir);
        List<String> args = new ArrayList<>(List.of(trainArgs(config, data.resolve("train.tsv"), data.resolve("test.tsv"), "--overwrite")));
        args.set(1, config.toString());
        fails(4, List.of("is the config"), args.toArray(String[]::new));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void overwriteReplacesAnEarlierRunAndOnlyThat() throws Exception {
        Path out = dir.resolve("run");
        CliChecks.succeeds(trainArgs(out, train, test));
        CliChecks.succeeds(trainArgs(out, train, test, "--overwrite"));
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        Files.writeString(out.resolve("my-notes.txt"), "a user's file in an old run");
        Map<String, String> before = CliChecks.snapshot(dir);
        fails(4, List.of("'my-notes.txt'"), trainArgs(out, train, test, "--overwrite"));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void checkpointsRefuseAUsersFolderAndLeaveAnEmptyOneAsFound() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "\\documentclass{article}");
        Map<String, String> before = CliChecks.snapshot(dir);
        fails(4, List.of("--checkpoints " + mine, "not a textnet checkpoint folder", "'thesis.tex'"),
                trainArgs(dir.resolve("run"), train, test, "--checkpoints", mine.toString()));
        CliChecks.unchanged(before, dir);

        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliChecks.succeeds(trainArgs(dir.resolve("run"), train, test, "--checkpoints", empty.toString()));
        assertTrue(Files.isDirectory(empty), "a folder the user made stays");
        try (var entries = Files.list(empty)) {
            assertEquals(0, entries.count(), "and holds nothing of textnet's afterwards");
        }
        Path made = dir.resolve("made-by-textnet");
        CliChecks.succeeds(trainArgs(dir.resolve("run2"), train, test, "--checkpoints", made.toString()));
        assertFalse(Files.exists(made), "a checkpoint folder textnet created is removed with the run published");
    }

    @Test
    void resumeRefusesAFolderThatIsNotACheckpointFolder() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "x");
        Map<String, String> before = CliChecks.snapshot(dir);
        fails(3, List.of("--resume " + mine, "is not a textnet checkpoint folder"),
                trainArgs(dir.resolve("run"), train, test, "--resume", mine.toString()));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void predictRefusesAnExistingOutputUnlessOverwriteAndNeverItsInput() throws Exception {
        Path input = Files.writeString(dir.resolve("reviews.tsv"), "yes\tgreat wonderful film\nno\tdull boring plot\n");
        Path output = Files.writeString(dir.resolve("predictions.csv"), "the user's own spreadsheet\n");
        Map<String, String> before = CliChecks.snapshot(dir);
        fails(4, List.of("--output " + output + " exists", "--overwrite"),
                "predict", "--model", model.toString(), "--input", input.toString(), "--output", output.toString());
        fails(4, List.of("--output " + input + " is --input"),
                "predict", "--model", model.toString(), "--input", input.toString(), "--output", input.toString(), "--overwrite");
        fails(4, List.of("the model"),
                "predict", "--model", model.toString(), "--input", input.toString(),
                "--output", model.resolve("model.json").toString(), "--overwrite");
        CliChecks.unchanged(before, dir);

        CliChecks.succeeds("predict", "--model", model.toString(), "--input", input.toString(),
                "--output", output.toString(), "--overwrite");
        assertTrue(Files.readString(output).startsWith("id,label,p_no,p_yes\n"), Files.readString(output));
        try (var entries = Files.list(dir)) {
            assertEquals(List.of("predictions.csv", "reviews.tsv"),
                    entries.map(p -> p.getFileName().toString()).sorted().toList(), "no scratch or lock left");
        }
    }

    @Test
    void parquetOutputReplacesOnlyTextnetsOwnFolder() throws Exception {
        Path input = Files.writeString(dir.resolve("reviews.tsv"), "yes\tgreat wonderful film\nno\tdull boring plot\n");
        Path users = Files.createDirectories(dir.resolve("results.parquet"));
        Files.writeString(users.resolve("part-00000.parquet"), "not ours");
        Map<String, String> before = CliChecks.snapshot(dir);
        fails(4, List.of("--overwrite replaces only a folder textnet wrote"),
                "predict", "--model", model.toString(), "--input", input.toString(), "--output", users.toString(), "--overwrite");
        CliChecks.unchanged(before, dir);

        Path ours = dir.resolve("ours.parquet");
        CliChecks.succeeds("predict", "--model", model.toString(), "--input", input.toString(), "--output", ours.toString());
        fails(4, List.of("exists"), "predict", "--model", model.toString(), "--input", input.toString(), "--output", ours.toString());
        CliChecks.succeeds("predict", "--model", model.toString(), "--input", input.toString(), "--output", ours.toString(),
                "--overwrite");
        assertEquals(2, SparkTestSupport.spark().read().parquet(ours.toString()).count());
    }

    @Test
    void evaluateRefusesAnExistingOutputUnlessOverwrite() throws Exception {
        Path output = Files.writeString(dir.resolve("metrics.json"), "{\"mine\": true}");
        Map<String, String> before = CliChecks.snapshot(dir);
        fails(4, List.of("--output " + output + " exists"), "evaluate", "--model", model.toString(), "--output", output.toString());
        fails(4, List.of("is data.test"), "evaluate", "--model", model.toString(), "--output", test.toString(), "--overwrite");
        CliChecks.unchanged(before, dir);
        CliChecks.succeeds("evaluate", "--model", model.toString(), "--output", output.toString(), "--overwrite");
        assertTrue(Files.readString(output).contains("\"accuracy\""));
    }

    @Test
    void plotWritesNewFilesInsteadOfThroughLinks() throws Exception {
        Path run = dir.resolve("run");
        CliChecks.succeeds(trainArgs(run, train, test));
        Path outside = Files.writeString(dir.resolve("precious.png"), "the user's picture");
        Files.delete(run.resolve("loss.png"));
        Files.createSymbolicLink(run.resolve("loss.png"), outside);
        CliChecks.succeeds("plot", run.toString());
        assertEquals("the user's picture", Files.readString(outside), "the link's target is untouched");
        assertFalse(Files.isSymbolicLink(run.resolve("loss.png")), "the link was replaced by the new plot");
        assertTrue(Files.size(run.resolve("loss.png")) > 1000);
    }

    @Test
    void plotRefusesAFolderThatIsNotATextnetRun() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("analysis"));
        Files.writeString(folder.resolve("metrics.json"), "{\"history\": [{\"epoch\": 1, \"loss\": 1, \"accuracy\": 0.5}]}");
        Files.writeString(folder.resolve("loss.png"), "the user's own figure");
        Map<String, String> before = CliChecks.snapshot(dir);
        fails(4, List.of("plot redraws only a textnet run folder"), "plot", folder.toString());
        CliChecks.unchanged(before, dir);
    }
}
