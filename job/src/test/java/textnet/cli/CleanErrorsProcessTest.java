package textnet.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every bad input, config and output of the issue "one clean line for every error", run as a user
 * runs textnet: its own JVM. Each case asserts the exit code, that stderr is textnet's own lines
 * and then exactly one {@code textnet: error:} line (no stack trace, no Spark or JVM log line), and
 * that every file that existed in the case's folder is byte-identical afterwards.
 */
class CleanErrorsProcessTest {

    @TempDir
    static Path shared;

    private static Path model;

    /**
     * A folder per case, set up by {@code files}; {@code args} may name files in it (relative: the
     * command runs in that folder), {@code DIR} for its absolute path, {@code MODEL} for a trained model.
     */
    record Case(String name, Setup files, int exitCode, List<String> says, String... args) {
        /** The working directory: the case's folder, or ({@code cwd/} or {@code away/}) a folder inside or beside it. */
        String workIn() {
            return name.contains("working directory") ? "cwd" : List.of(args).contains("DIR") ? "../away" : ".";
        }
    }

    @FunctionalInterface
    interface Setup {
        void in(Path dir) throws IOException, InterruptedException;
    }

    @BeforeAll
    static void modelToPredictWith() throws Exception {
        SparkTestSupport.spark();
        Path train = Files.writeString(shared.resolve("train.tsv"), TsvAndPredictTest.tsv(200, 1));
        Path test = Files.writeString(shared.resolve("test.tsv"), TsvAndPredictTest.tsv(60, 2));
        CliChecks.succeeds("train", CliChecks.config(), "--out", shared.resolve("run").toString(),
                "--set", "data.format=tsv", "--set", "data.train=" + train, "--set", "data.test=" + test,
                "--set", "train.epochs=1", "--set", "train.batch-size=32");
        model = shared.resolve("run/model");
    }

    private static final String IMDB = "conf/imdb.yaml";

    /** Train on TSV files of the case's folder; {@code --out out} and {@code --master local[2]} unless {@code more} sets them. */
    private static String[] tsvTrain(String trainFile, String testFile, String... more) {
        List<String> a = new ArrayList<>(List.of("train", IMDB, "--set", "data.format=tsv",
                "--set", "data.train=" + trainFile, "--set", "data.test=" + testFile, "--set", "train.epochs=1"));
        a.addAll(List.of(more));
        if (!a.contains("--out")) {
            a.addAll(List.of("--out", "out"));
        }
        if (!a.contains("--master")) {
            a.addAll(List.of("--master", "local[2]"));
        }
        return a.toArray(String[]::new);
    }

    private static Setup goodTsv() {
        return dir -> {
            Files.writeString(dir.resolve("train.tsv"), TsvAndPredictTest.tsv(100, 1));
            Files.writeString(dir.resolve("test.tsv"), TsvAndPredictTest.tsv(40, 2));
        };
    }

    private static Setup withTsvAnd(Setup more) {
        return dir -> {
            goodTsv().in(dir);
            more.in(dir);
        };
    }

    static List<Case> cases() {
        String data = SparkTestSupport.corpus("aclImdb-labeled.tar.gz").toAbsolutePath().toString();
        return List.of(
                // config and command line
                new Case("unknown option", goodTsv(), 2, List.of("unknown option '--bogus'", "textnet train --help"),
                        "train", IMDB, "--bogus"),
                new Case("duplicate key in the config", dir -> Files.writeString(dir.resolve("dup.yaml"),
                        "train:\n  epochs: 3\n  epochs: 4\n"), 2, List.of("'train.epochs' is given twice"), "train", "dup.yaml"),
                new Case("epochs 1e12", goodTsv(), 2, List.of("'train.epochs'", "out of range"),
                        tsvTrain("train.tsv", "test.tsv", "--set", "train.epochs=1e12")),
                new Case("vocabulary-size 1e10", goodTsv(), 2, List.of("'vectorizer.vocabulary-size'", "out of range"),
                        tsvTrain("train.tsv", "test.tsv", "--set", "vectorizer.vocabulary-size=1e10")),
                new Case("units 2e5", goodTsv(), 2, List.of("'model.layers.0.units'", "heap"),
                        tsvTrain("train.tsv", "test.tsv", "--set", "model.layers.0.units=200000")),
                new Case("units 1e9", goodTsv(), 2, List.of("'model.layers.0.units'", "at most"),
                        tsvTrain("train.tsv", "test.tsv", "--set", "model.layers.0.units=1e9")),
                new Case("config path is a folder", dir -> Files.createDirectories(dir.resolve("conf.d")), 2,
                        List.of("conf.d is a directory, not a config file"), "train", "conf.d"),
                new Case("bad --master", goodTsv(), 2, List.of("--master 'foo'", "not a Spark master URL"),
                        tsvTrain("train.tsv", "test.tsv", "--master", "foo")),
                new Case("unreachable --master", goodTsv(), 2, List.of("no Spark master answers at 127.0.0.1:1"),
                        tsvTrain("train.tsv", "test.tsv", "--master", "spark://127.0.0.1:1")),
                new Case("--data with a table format", goodTsv(), 2, List.of("--data sets data.path, which the tsv format does not read"),
                        tsvTrain("train.tsv", "test.tsv", "--data", "x.tar.gz")),
                // outputs that are the user's
                new Case("--out is the data folder, --overwrite", goodTsv(), 4, List.of("contains data.train"),
                        "train", IMDB, "--out", "DIR", "--overwrite", "--set", "data.format=tsv",
                        "--set", "data.train=DIR/train.tsv", "--set", "data.test=DIR/test.tsv"),
                new Case("--out is a project folder, --overwrite", withTsvAnd(dir -> {
                    Files.createDirectories(dir.resolve("project/.git"));
                    Files.writeString(dir.resolve("project/pom.xml"), "<project/>");
                }), 4, List.of("replaces only an earlier textnet run", "'.git'"),
                        tsvTrain("train.tsv", "test.tsv", "--out", "project", "--overwrite")),
                new Case("--out is the working directory", goodTsv(), 4, List.of("--out . is the current directory"),
                        tsvTrain("../train.tsv", "../test.tsv", "--out", ".", "--overwrite")),
                new Case("--checkpoints is the user's folder", withTsvAnd(dir -> {
                    Files.createDirectories(dir.resolve("mine"));
                    Files.writeString(dir.resolve("mine/thesis.tex"), "\\documentclass{article}");
                }), 4, List.of("--checkpoints mine", "not a textnet checkpoint folder"),
                        tsvTrain("train.tsv", "test.tsv", "--checkpoints", "mine")),
                new Case("predict --output exists", dir -> {
                    Files.writeString(dir.resolve("in.tsv"), "yes\tgreat film\n");
                    Files.writeString(dir.resolve("out.csv"), "mine\n");
                }, 4, List.of("--output out.csv exists", "--overwrite"),
                        "predict", "--model", "MODEL", "--input", "in.tsv", "--output", "out.csv"),
                new Case("predict --output is --input", dir -> Files.writeString(dir.resolve("in.tsv"), "yes\tgreat film\n"),
                        4, List.of("--output in.tsv is --input"),
                        "predict", "--model", "MODEL", "--input", "in.tsv", "--output", "in.tsv", "--overwrite"),
                new Case("predict .parquet over the user's folder", dir -> {
                    Files.writeString(dir.resolve("in.tsv"), "yes\tgreat film\n");
                    Files.createDirectories(dir.resolve("p.parquet"));
                    Files.writeString(dir.resolve("p.parquet/part-0.parquet"), "mine");
                }, 4, List.of("replaces only a folder textnet wrote"),
                        "predict", "--model", "MODEL", "--input", "in.tsv", "--output", "p.parquet", "--overwrite"),
                new Case("evaluate --output exists", dir -> Files.writeString(dir.resolve("m.json"), "{}"), 4,
                        List.of("--output m.json exists"), "evaluate", "--model", "MODEL", "--output", "m.json"),
                new Case("plot a folder that is not a run", dir -> {
                    Files.writeString(dir.resolve("metrics.json"), "{\"history\": []}");
                    Files.writeString(dir.resolve("loss.png"), "mine");
                }, 4, List.of("plot redraws only a textnet run folder"), "plot", "."),
                // data errors raised inside Spark tasks
                new Case("truncated archive", dir -> {
                    try (var in = Files.newInputStream(Path.of(data))) {
                        Files.write(dir.resolve("cut.tar.gz"), in.readNBytes(1_000_000));
                    }
                }, 3, List.of("cut.tar.gz: not a readable .tar.gz archive"), "train", IMDB, "--data", "cut.tar.gz",
                        "--master", "local[2]"),
                new Case("TSV line without a tab", withTsvAnd(dir -> Files.writeString(dir.resolve("bad.tsv"),
                        TsvAndPredictTest.tsv(50, 3) + "a line with no tab\n")), 3, List.of("bad.tsv line 51: no tab"),
                        tsvTrain("bad.tsv", "test.tsv")),
                new Case("unseen test label", withTsvAnd(dir -> Files.writeString(dir.resolve("odd.tsv"),
                        "maybe\tan odd film\n")), 3, List.of("label 'maybe' does not occur in the training split"),
                        tsvTrain("train.tsv", "odd.tsv")),
                new Case("archive given as a table", dir -> {
                    try (var in = Files.newInputStream(Path.of(data))) {
                        Files.write(dir.resolve("a.tar.gz"), in.readNBytes(200_000));
                    }
                    Files.writeString(dir.resolve("test.csv"), "text,label\nfine,yes\n");
                }, 3, List.of("a.tar.gz"), "train", IMDB, "--out", "out", "--set", "data.format=csv",
                        "--set", "data.train=a.tar.gz", "--set", "data.test=test.csv", "--master", "local[2]"),
                // input the readers refuse (one task per file, or the driver before any task)
                new Case("missing data.test", goodTsv(), 2, List.of("config key 'data.test' is not set"),
                        "train", IMDB, "--out", "out", "--set", "data.format=tsv", "--set", "data.train=train.tsv"),
                new Case("review linking out of the corpus folder", dir -> {
                    imdbFolder(dir.resolve("aclImdb"));
                    Files.writeString(dir.resolve("secret.txt"), "private words");
                    Files.createSymbolicLink(dir.resolve("aclImdb/train/pos/90_9.txt"), dir.resolve("secret.txt"));
                }, 3, List.of("train/pos/90_9.txt links outside the corpus folder"), "train", IMDB, "--data", "aclImdb",
                        "--out", "out", "--master", "local[2]"),
                new Case("empty training file", withTsvAnd(dir -> Files.writeString(dir.resolve("empty.tsv"), "")), 3,
                        List.of("data.train: ", "empty.tsv has no rows"), tsvTrain("empty.tsv", "test.tsv")),
                new Case("FIFO as training file", withTsvAnd(dir -> BadArchiveAndFolderTest.mkfifo(dir.resolve("fifo.tsv"))), 3,
                        List.of("fifo.tsv is a FIFO, not a regular file"), tsvTrain("fifo.tsv", "test.tsv")),
                new Case("predict on a FIFO", dir -> BadArchiveAndFolderTest.mkfifo(dir.resolve("x.txt")), 3,
                        List.of("x.txt is a FIFO, not a regular file"), "predict", "--model", "MODEL", "--input", "x.txt"),
                new Case("predict on a document larger than the bound", dir -> BadArchiveAndFolderTest.sparse(dir.resolve("big.txt"), 300L << 20),
                        3, List.of("big.txt holds 314,572,800 bytes, more than the 268,435,456 (256 MiB)"),
                        "predict", "--model", "MODEL", "--input", "big.txt"),
                new Case("UTF-16 table", dir -> {
                    Files.write(dir.resolve("u16.csv"), ("\uFEFFtext,label\ngood film,yes\nbad film,no\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
                    Files.writeString(dir.resolve("test.csv"), "text,label\nfine,yes\n");
                }, 3, List.of("u16.csv is UTF-16LE text", "iconv"), "train", IMDB, "--out", "out", "--set", "data.format=csv",
                        "--set", "data.train=u16.csv", "--set", "data.test=test.csv", "--master", "local[2]"),
                new Case("malformed JSONL line", dir -> {
                    Files.writeString(dir.resolve("bad.jsonl"), "{\"text\": \"good\", \"label\": \"yes\"}\n"
                            + "{\"text\": \"bad\", \"label\": \"no\"}\n{text: oops}\n");
                    Files.writeString(dir.resolve("test.jsonl"), "{\"text\": \"fine\", \"label\": \"yes\"}\n");
                }, 3, List.of("bad.jsonl line 3: not a JSON object"), "train", IMDB, "--out", "out",
                        "--set", "data.format=jsonl", "--set", "data.train=bad.jsonl", "--set", "data.test=test.jsonl",
                        "--master", "local[2]"),
                new Case("null label in JSONL", dir -> {
                    Files.writeString(dir.resolve("bad.jsonl"), "{\"text\": \"good\", \"label\": \"yes\"}\n"
                            + "{\"text\": \"bad\", \"label\": null}\n");
                    Files.writeString(dir.resolve("test.jsonl"), "{\"text\": \"fine\", \"label\": \"yes\"}\n");
                }, 3, List.of("bad.jsonl line 2", "'label'"), "train", IMDB, "--out", "out",
                        "--set", "data.format=jsonl", "--set", "data.train=bad.jsonl", "--set", "data.test=test.jsonl",
                        "--master", "local[2]"),
                new Case("labels 1 and 1.0 in a TSV", withTsvAnd(dir -> Files.writeString(dir.resolve("num.tsv"),
                        "1\tgood film\n1.0\tgreat film\n0\tbad film\n")), 3, List.of("'1' and '1.0' are the same number"),
                        tsvTrain("num.tsv", "test.tsv")),
                new Case("a score column as labels", withTsvAnd(dir -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < 200; i++) {
                        sb.append(String.format(java.util.Locale.ROOT, "%.4f\tsome review number %d%n", i / 199.0, i));
                    }
                    Files.writeString(dir.resolve("scores.tsv"), sb);
                }), 3, List.of("200 distinct labels in 200 training rows"), tsvTrain("scores.tsv", "test.tsv")),
                new Case("CSV quote never closed", dir -> {
                    Files.writeString(dir.resolve("open.csv"), "text,label\ngood film,yes\n\"bad film,no\nfine,yes\n");
                    Files.writeString(dir.resolve("test.csv"), "text,label\nfine,yes\n");
                }, 3, List.of("open.csv line 3: a quoted field starts on this line and is never closed"),
                        "train", IMDB, "--out", "out", "--set", "data.format=csv", "--set", "data.train=open.csv",
                        "--set", "data.test=test.csv", "--master", "local[2]"));
    }

    /** A tiny aclImdb folder: two reviews per split and class. */
    private static void imdbFolder(Path root) throws IOException {
        for (String split : List.of("train", "test")) {
            for (String label : List.of("pos", "neg")) {
                Path folder = Files.createDirectories(root.resolve(split).resolve(label));
                Files.writeString(folder.resolve("1_" + (label.equals("pos") ? 9 : 2) + ".txt"), label + " film one");
                Files.writeString(folder.resolve("2_" + (label.equals("pos") ? 8 : 3) + ".txt"), label + " film two");
            }
        }
    }

    /**
     * The cases run two at a time (each is a JVM that mostly starts Spark and fails; the machines have
     * two cores), then each is checked as its own test.
     */
    @TestFactory
    Stream<DynamicTest> eachCaseIsOneCleanLineAndChangesNothing(@TempDir Path root) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<DynamicTest> tests = new ArrayList<>();
        // what a user sees, one line per case, kept for reading: job/target/clean-error-lines.txt
        Path seen = SparkTestSupport.project().resolve("job/target/clean-error-lines.txt");
        Files.deleteIfExists(seen);
        for (Case c : cases()) {
            Path dir = Files.createDirectories(root.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-")));
            c.files().in(dir);
            Files.createDirectories(dir.resolve("cwd"));
            Map<String, String> before = CliChecks.snapshot(dir);
            String[] args = c.args().clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = args[i].equals("MODEL") ? model.toString()
                        : args[i].equals(IMDB) ? SparkTestSupport.project().resolve(IMDB).toAbsolutePath().toString()
                        : args[i].replace("DIR", dir.toString());
            }
            Path workDir = Files.createDirectories(dir.resolve(c.workIn()).normalize());
            Future<TextnetProcess.Outcome> outcome = pool.submit(() -> TextnetProcess.run(workDir, root.resolve("tmp"), List.of(), args));
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                String error = TextnetProcess.assertOneCleanError(outcome.get(), c.exitCode(), c.says().toArray(String[]::new));
                assertEquals(before, CliChecks.snapshot(dir), "every file as it was");
                Files.writeString(seen, c.name() + " | exit " + c.exitCode() + " | " + error.replace(root.toString(), "<tmp>") + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }));
        }
        pool.shutdown();
        return tests.stream();
    }
}
