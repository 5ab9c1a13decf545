package textnet.cli;

import textnet.SparkTestSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * textnet as a user runs it: its own JVM ({@code textnet.cli.Main}, the launcher's flags and log
 * config), so that what reaches the terminal — and what is left on disk — is what a user sees.
 * In-process tests ({@link CliRunner}) cannot show that: the library log is per JVM.
 */
final class TextnetProcess {

    /** textnet's own stderr lines besides the error (Console.info): the banner, notes, what was written. */
    private static final Pattern OWN_LINE = Pattern.compile(
            "^(Spark \\d.*, master .*|[\\d,]+ train / .*|note: .*|wrote .*|predicted .*)$");

    record Outcome(int exitCode, String out, String err, double seconds) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + " after " + seconds + " s\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private TextnetProcess() {
    }

    /** The java command line: the test JVM's class path, textnet's flags, {@code tmp} as the JVM's temp folder. */
    static List<String> command(Path tmp, List<String> jvm, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("textnet.jvm.options", "").split("\\s+")));
        command.add("-Xmx2g");
        command.addAll(jvm); // a later -Xmx wins
        command.addAll(List.of("-Djava.io.tmpdir=" + tmp,
                "-Dlog4j2.configurationFile=" + SparkTestSupport.project().resolve("conf/log4j2.properties").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "textnet.cli.Main"));
        command.addAll(args);
        command.removeIf(String::isEmpty);
        return command;
    }

    /**
     * Starts textnet; stdout and stderr go to the files given, or (null) to pipes the caller reads.
     */
    static Process start(Path workDir, Path tmp, List<String> jvm, List<String> args, Path out, Path err) throws IOException {
        Files.createDirectories(tmp);
        ProcessBuilder pb = new ProcessBuilder(command(tmp, jvm, args)).directory(workDir.toFile());
        if (out != null) {
            pb.redirectOutput(out.toFile());
        }
        if (err != null) {
            pb.redirectError(err.toFile());
        }
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    /** The outcome of a finished process started with output files. */
    static Outcome outcome(Process p, Path out, Path err) throws IOException {
        double seconds = p.info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(Double.NaN);
        return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), seconds);
    }

    static Outcome run(Path workDir, Path tmp, List<String> jvm, String... args) {
        long start = System.nanoTime();
        try {
            Path out = Files.createTempFile("textnet-out", ".txt");
            Path err = Files.createTempFile("textnet-err", ".txt");
            try {
                Process p = start(workDir, tmp, jvm, List.of(args), out, err);
                if (!p.waitFor(300, TimeUnit.SECONDS)) {
                    String why = stuck(p, workDir, err);
                    p.destroyForcibly();
                    fail("textnet did not finish in 300 s: " + String.join(" ", args) + "\n" + why);
                }
                Outcome o = outcome(p, out, err);
                return new Outcome(o.exitCode(), o.out(), o.err(), (System.nanoTime() - start) / 1e9);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where a process that did not finish is: its threads that run textnet's or Spark's work (from
     * {@code jcmd Thread.print}), its stderr so far and the end of its log, for the failure message
     * of a run that hung — CI keeps nothing else of it.
     */
    static String stuck(Process p, Path workDir, Path err) {
        StringBuilder why = new StringBuilder();
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(p.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            why.append("--- threads at work (jcmd ").append(p.pid()).append(" Thread.print)\n");
            for (String thread : dump.split("\n\\s*\n")) {
                if (WORKING_THREAD.matcher(thread).find()) {
                    why.append(thread.strip()).append("\n\n");
                }
            }
            why.append("--- stderr\n").append(err == null || !Files.exists(err) ? "" : Files.readString(err, StandardCharsets.UTF_8));
            try (var files = Files.walk(workDir)) {
                for (Path log : files.filter(f -> f.getFileName().toString().equals("textnet.log")
                        && f.toString().contains("-" + p.pid() + "-")).toList()) {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    why.append("--- the last lines of ").append(log).append('\n')
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                }
            }
        } catch (IOException | RuntimeException e) {
            why.append("(could not look further: ").append(e).append(')');
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return why.toString();
    }

    /** A thread dump's entries worth reading: the main thread, Spark's scheduler and tasks, anything in textnet. */
    private static final Pattern WORKING_THREAD = Pattern.compile(
            "^\"(main|dag-scheduler-event-loop|Executor task launch worker.*)\"|\\btextnet\\.");

    /**
     * The exit code, and stderr exactly as the issue asks: textnet's own lines, then one
     * {@code textnet: error: ...} line containing each fragment, and nothing else (no stack trace,
     * no Spark or JVM log line).
     */
    static String assertOneCleanError(Outcome o, int code, String... fragments) {
        assertEquals(code, o.exitCode(), o.toString());
        List<String> lines = o.errLines();
        assertTrue(!lines.isEmpty() && lines.get(lines.size() - 1).startsWith("textnet: error: "),
                "the last stderr line is textnet's error: " + o);
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(OWN_LINE.matcher(line).matches(), "only textnet's own lines before the error, not '" + line + "': " + o);
        }
        String error = lines.get(lines.size() - 1);
        for (String f : fragments) {
            assertTrue(error.contains(f), "the error names '" + f + "': " + error);
        }
        return error;
    }

    /** One of textnet's own stderr lines (not an error, not a progress line). */
    static boolean isOwnLine(String line) {
        return OWN_LINE.matcher(line).matches();
    }

    /** Success with nothing on stderr but textnet's own lines. */
    static void assertCleanSuccess(Outcome o) {
        assertEquals(0, o.exitCode(), o.toString());
        for (String line : o.errLines()) {
            assertTrue(OWN_LINE.matcher(line).matches(), "only textnet's own lines on stderr, not '" + line + "': " + o);
        }
    }

    /** What is in a folder (top level), for leftovers checks. */
    static List<String> entries(Path dir) {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
