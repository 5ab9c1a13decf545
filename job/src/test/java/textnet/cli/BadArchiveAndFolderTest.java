package textnet.cli;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import textnet.SparkTestSupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static textnet.cli.CliChecks.fails;

/**
 * aclImdb archives and folders that are broken or hostile: each is refused with exit 3 and one line
 * naming the file or entry, and nothing is written anywhere (no run folder, no extracted entry).
 */
class BadArchiveAndFolderTest {

    @TempDir
    Path dir;

    private Path out;

    @BeforeEach
    void setUp() {
        out = dir.resolve("run");
    }

    /** A small valid corpus: three reviews in each of the four parts. */
    static Map<String, byte[]> corpus() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String[] lines = TsvAndPredictTest.tsv(40, 7).split("\n");
        int n = 0;
        for (String part : List.of("train/neg", "train/pos", "test/neg", "test/pos")) {
            for (int i = 0; i < 3; i++, n++) {
                String text = lines[n].substring(lines[n].indexOf('\t') + 1);
                entries.put("aclImdb/" + part + "/" + n + "_5.txt", text.getBytes(StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private String[] train(Path data) {
        return new String[]{"train", CliChecks.config(), "--data", data.toString(), "--out", out.toString(),
                "--set", "train.epochs=1"};
    }

    @Test
    void truncatedArchive() throws IOException {
        Map<String, byte[]> big = corpus();
        byte[] noise = new byte[100_000];
        new java.util.Random(3).nextBytes(noise);
        big.put("aclImdb/train/pos/99_9.txt", noise);
        byte[] whole = Files.readAllBytes(tarGz(dir.resolve("whole.tar.gz"), big, null));
        Path truncated = Files.write(dir.resolve("truncated.tar.gz"), Arrays.copyOf(whole, whole.length / 2));
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(truncated + ": not a readable .tar.gz archive", "ends early"), train(truncated));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void nonGzipFileNamedTarGz() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.tar.gz"), "just some text, not gzip\n");
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(plain + ": not a readable .tar.gz archive"), train(plain));
        CliChecks.unchanged(before, dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.txt", "aclImdb/train/pos/../../../../x.txt", "/tmp/textnet-hostile-x.txt"})
    void entryEscapingTheArchiveIsRefused(String name) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path archive = tarGz(data.resolve("escape.tar.gz"), corpus(), regular(name));
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(archive.toString(), "'" + name + "'", "path outside the archive's folder"), train(archive));
        CliChecks.unchanged(before, dir);
        assertFalse(Files.exists(Path.of("/tmp/textnet-hostile-x.txt")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void linkEntryIsRefused(boolean symbolic) throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("aclImdb/train/pos/77_9.txt",
                symbolic ? TarConstants.LF_SYMLINK : TarConstants.LF_LINK);
        link.setLinkName(symbolic ? "/etc/passwd" : "aclImdb/train/pos/0_5.txt");
        Path archive = tarGz(dir.resolve("link.tar.gz"), corpus(), link);
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(archive.toString(), "aclImdb/train/pos/77_9.txt",
                (symbolic ? "symbolic" : "hard") + " link"), train(archive));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void emptyFolder() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("aclImdb"));
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(empty.toString(), "has no train/ and test/ folders"), train(empty));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void folderMissingALabel() throws IOException {
        Map<String, byte[]> entries = corpus();
        entries.keySet().removeIf(k -> k.startsWith("aclImdb/test/pos/"));
        Path data = folder(dir.resolve("data"), entries).resolve("aclImdb");
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(data.toString(), "has no test/pos folder"), train(data));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void folderMissingASplit() throws IOException {
        Map<String, byte[]> entries = corpus();
        entries.keySet().removeIf(k -> k.startsWith("aclImdb/train/"));
        Path data = folder(dir.resolve("data"), entries).resolve("aclImdb");
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(data.toString(), "has no train/neg folder"), train(data));
        CliChecks.unchanged(before, dir);
    }

    /** Every user, root included: the file system refuses to open the file. */
    @Test
    void unreadableFileIsNamed() throws IOException {
        DenyReadFileSystem.register(SparkTestSupport.spark());
        Map<String, byte[]> entries = corpus();
        entries.put("aclImdb/train/pos/unreadable_9.txt", "secret".getBytes(StandardCharsets.UTF_8));
        Path data = folder(dir.resolve("data"), entries).resolve("aclImdb");
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("cannot read train/pos/unreadable_9.txt", "Permission denied"),
                train(Path.of(DenyReadFileSystem.SCHEME + "://" + data.toAbsolutePath())));
        CliChecks.unchanged(before, dir);
    }

    /** chmod 000 as a real user would meet it; skipped as root, which reads such files anyway. */
    @Test
    void chmodUnreadableFileIsNamed() throws IOException {
        Map<String, byte[]> entries = corpus();
        Path data = folder(dir.resolve("data"), entries).resolve("aclImdb");
        Path locked = data.resolve("train/pos/3_5.txt");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "running as root: chmod 000 does not stop reads");
            var before = CliChecks.snapshot(dir);
            fails(3, List.of("cannot read train/pos/3_5.txt"), train(data));
            CliChecks.unchanged(before, dir);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** A review that is a link to a file outside the corpus would put that file's words into the vocabulary. */
    @Test
    void fileLinkLeavingTheCorpusIsRefused() throws IOException {
        Path data = folder(dir.resolve("data"), corpus()).resolve("aclImdb");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "private words");
        Files.createSymbolicLink(data.resolve("train/pos/90_9.txt"), secret);
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("data.path: train/pos/90_9.txt links outside the corpus folder " + data,
                "(to " + secret.toRealPath() + "); links that leave the corpus are refused"), train(data));
        CliChecks.unchanged(before, dir);
    }

    @Test
    void folderLinkLeavingTheCorpusIsRefused() throws IOException {
        Path data = folder(dir.resolve("data"), corpus()).resolve("aclImdb");
        Path elsewhere = Files.move(data.resolve("train"), dir.resolve("elsewhere"));
        Files.createSymbolicLink(data.resolve("train"), elsewhere);
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("data.path: train links outside the corpus folder " + data, "(to " + elsewhere.toRealPath() + ")"),
                train(data));
        CliChecks.unchanged(before, dir);
    }

    /** A FIFO would block the task reading it forever. */
    @Test
    void fifoInTheFolderIsRefused() throws IOException, InterruptedException {
        Path data = folder(dir.resolve("data"), corpus()).resolve("aclImdb");
        mkfifo(data.resolve("train/pos/91_9.txt"));
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("data.path: train/pos/91_9.txt in " + data + " is a FIFO, not a regular file"), train(data));
        CliChecks.unchanged(before, dir);
    }

    /** Refused from its listed length, before any task reads it (the file is sparse: nothing is written). */
    @Test
    void oversizedReviewIsRefusedBeforeReading() throws IOException {
        Path data = folder(dir.resolve("data"), corpus()).resolve("aclImdb");
        sparse(data.resolve("train/neg/92_1.txt"), 300L << 20);
        var before = CliChecks.snapshot(dir);
        fails(3, List.of("data.path: train/neg/92_1.txt in " + data + " holds 314,572,800 bytes, more than the"
                + " 268,435,456 (256 MiB) a document may have"), train(data));
        CliChecks.unchanged(before, dir);
    }

    /** The archive's header claims 300 MB: refused before the entry's bytes are read. */
    @Test
    void oversizedArchiveEntryIsRefused() throws IOException {
        TarArchiveEntry huge = new TarArchiveEntry("aclImdb/train/pos/93_9.txt");
        huge.setSize(300L << 20);
        byte[] header = new byte[512];
        huge.writeEntryHeader(header);
        Path archive = dir.resolve("huge.tar.gz");
        try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(archive))) {
            out.write(header);
        }
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(archive + ": entry 'aclImdb/train/pos/93_9.txt' holds 314,572,800 bytes, more than the"
                + " 268,435,456 (256 MiB) a document may have"), train(archive));
        CliChecks.unchanged(before, dir);
    }

    static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is not available");
    }

    /** A file of {@code bytes} zeros that takes no disk space. */
    static void sparse(Path path, long bytes) throws IOException {
        try (var file = new java.io.RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(bytes);
        }
    }

    static Path folder(Path root, Map<String, byte[]> entries) throws IOException {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            Path file = root.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        return root;
    }

    private static TarArchiveEntry regular(String name) {
        // preserveAbsolutePath: commons-compress would otherwise strip the leading '/' we want to test
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(4);
        return entry;
    }

    static Path tarGz(Path file, Map<String, byte[]> entries, TarArchiveEntry extra) throws IOException {
        return textnet.data.Fixtures.tarGz(file, entries, extra);
    }
}
