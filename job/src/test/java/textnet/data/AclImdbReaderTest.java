package textnet.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static textnet.data.Fixtures.inputError;
import static textnet.data.Fixtures.rows;
import static textnet.data.Fixtures.utf8;

class AclImdbReaderTest {

    @TempDir
    Path tmp;

    /** Deliberately not in name order, with the parts the reader must ignore. */
    static Map<String, byte[]> corpus() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("aclImdb/README", utf8("not a review"));
        entries.put("aclImdb/train/pos/1_9.txt", utf8("great film"));
        entries.put("aclImdb/train/neg/3_1.txt", utf8("awful <br /><br />film"));
        entries.put("aclImdb/train/unsup/7_0.txt", utf8("no label"));
        entries.put("aclImdb/train/neg/0_2.txt", utf8("boring"));
        entries.put("aclImdb/test/pos/2_8.txt", utf8("caf\u00e9 scene, lovely"));
        entries.put("aclImdb/test/neg/5_3.txt", utf8("meh"));
        entries.put("aclImdb/train/labeledBow.feat", utf8("0:1"));
        return entries;
    }

    private static Corpus read(Object path) {
        return CorpusReaders.read(SparkTestSupport.spark().sparkContext(), Configs.path("aclimdb", path));
    }

    @Test
    void archiveRowsKeepEntryOrderWithIdsInsideTheCorpus() throws IOException {
        Corpus corpus = read(Fixtures.tarGz(tmp.resolve("imdb.tar.gz"), corpus()));
        assertEquals(List.of("train/pos/1_9.txt|great film|pos", "train/neg/3_1.txt|awful <br /><br />film|neg",
                "train/neg/0_2.txt|boring|neg"), rows(corpus.train()));
        assertEquals(List.of("test/pos/2_8.txt|caf\u00e9 scene, lovely|pos", "test/neg/5_3.txt|meh|neg"),
                rows(corpus.test()));
        assertEquals(List.of(), corpus.countedAndChecked());
        assertEquals(Corpus.SCHEMA, corpus.train().schema());
    }

    @Test
    void everyReaderTaskKeepsItsOwnReviewsOfTheArchive() throws IOException {
        Path archive = Fixtures.tarGz(tmp.resolve("imdb.tar.gz"), corpus());
        List<String> train = null;
        for (int partitions : new int[] {1, 3}) {
            Corpus corpus = CorpusReaders.read(SparkTestSupport.spark().sparkContext(), Configs.path("aclimdb", archive), partitions);
            List<List<LabelledDoc>> dealt = corpus.documents().glom().collect();
            assertEquals(partitions, dealt.size());
            int docs = 0;
            for (int p = 0; p < partitions; p++) {
                List<String> ids = dealt.get(p).stream().map(LabelledDoc::id).toList();
                for (String id : ids) {
                    assertEquals(p, IdPartitioner.partitionOf(id, partitions), id);
                }
                docs += ids.size();
            }
            assertEquals(5, docs);
            // positions count every review of the archive, whichever task kept it: same source order
            if (train == null) {
                train = rows(corpus.train());
            }
            assertEquals(train, rows(corpus.train()), partitions + " partitions");
        }
    }

    @Test
    void folderRowsKeepFileNameOrderFromTheCorpusOrItsParent() {
        Path parent = Fixtures.folder(tmp.resolve("unpacked"), corpus());
        List<String> train = List.of("train/neg/0_2.txt|boring|neg", "train/neg/3_1.txt|awful <br /><br />film|neg",
                "train/pos/1_9.txt|great film|pos");
        assertEquals(train, rows(read(parent).train()));
        Corpus direct = read(parent.resolve("aclImdb"));
        assertEquals(train, rows(direct.train()));
        assertEquals(List.of("test/neg/5_3.txt|meh|neg", "test/pos/2_8.txt|caf\u00e9 scene, lovely|pos"),
                rows(direct.test()));
    }

    @Test
    void sameArchiveGivesSameRowsInSameOrder() throws IOException {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            String split = i % 3 == 0 ? "test" : "train";
            many.put("aclImdb/" + split + "/" + (i % 2 == 0 ? "pos" : "neg") + "/" + (997 * i % 200) + "_5.txt",
                    utf8("review " + i));
        }
        Path archive = Fixtures.tarGz(tmp.resolve("many.tar.gz"), many);
        Corpus first = read(archive);
        List<String> train = rows(first.train());
        assertEquals(train, rows(read(archive).train()));
        assertEquals(133, train.size());
        for (int i = 1; i < train.size(); i++) {
            assertTrue(number(train.get(i - 1)) < number(train.get(i)), "archive order: " + train);
        }
        assertEquals(SparkTestSupport.spark().sparkContext().defaultParallelism(), first.train().rdd().getNumPartitions());
    }

    private static int number(String row) {
        return Integer.parseInt(row.substring(row.indexOf("|review ") + 8, row.lastIndexOf('|')));
    }

    @Test
    void malformedUtf8IsReplacedAndCounted() throws IOException {
        Map<String, byte[]> entries = corpus();
        entries.put("aclImdb/test/neg/6_1.txt", new byte[] {'b', 'a', 'd', (byte) 0xFF, '!'});
        Corpus corpus = read(Fixtures.tarGz(tmp.resolve("bad.tar.gz"), entries));
        assertTrue(rows(corpus.test()).contains("test/neg/6_1.txt|bad\uFFFD!|neg"));
        assertEquals(1, corpus.countedAndChecked().size());
        assertTrue(corpus.countedAndChecked().get(0).contains("1 reviews were not valid UTF-8"), corpus.countedAndChecked().get(0));
    }

    @Test
    void missingPathSaysHowToGetTheData() {
        String message = inputError(() -> read(tmp.resolve("nowhere.tar.gz")));
        assertTrue(message.contains("nowhere.tar.gz") && message.contains("run scripts/fetch-data imdb"), message);
        assertTrue(inputError(() -> read(null)).contains("'data.path' is not set"));
    }

    /** Links are refused only when they leave the corpus: a link to another file or folder inside it is read. */
    @Test
    void linksThatStayInsideTheCorpusAreRead() throws IOException {
        Path root = Fixtures.folder(tmp.resolve("unpacked"), corpus()).resolve("aclImdb");
        Files.createSymbolicLink(root.resolve("train/pos/4_9.txt"), root.resolve("test/pos/2_8.txt"));
        Files.createSymbolicLink(root.resolve("train/neg/8_1.txt"), Path.of("../../README"));
        Path realTest = Files.move(root.resolve("test"), root.resolve("test-files"));
        Files.createSymbolicLink(root.resolve("test"), Path.of("test-files"));
        Corpus corpus = read(root);
        assertEquals(List.of("train/neg/0_2.txt|boring|neg", "train/neg/3_1.txt|awful <br /><br />film|neg",
                "train/neg/8_1.txt|not a review|neg", "train/pos/1_9.txt|great film|pos",
                "train/pos/4_9.txt|caf\u00e9 scene, lovely|pos"), rows(corpus.train()));
        assertEquals(2, corpus.test().count(), realTest.toString());
    }

    /** As Hadoop's input formats do: macOS's "._" companions of an unpacked archive are not reviews. */
    @Test
    void hiddenFilesAreSkipped() throws IOException {
        Path root = Fixtures.folder(tmp.resolve("unpacked"), corpus()).resolve("aclImdb");
        Files.write(root.resolve("train/pos/._1_9.txt"), new byte[]{0, 5, 22, 7, 0, 2, 0, 0});
        Files.writeString(root.resolve("train/pos/_notes.txt"), "not a review");
        assertEquals(List.of("train/neg/0_2.txt", "train/neg/3_1.txt", "train/pos/1_9.txt"),
                read(root).train().collectAsList().stream().map(r -> r.getString(0)).toList());
    }

    @Test
    void missingLabelFolderIsNamed() {
        Map<String, byte[]> entries = corpus();
        entries.remove("aclImdb/test/pos/2_8.txt");
        Path dir = Fixtures.folder(tmp.resolve("partial"), entries);
        String message = inputError(() -> read(dir));
        assertTrue(message.contains("has no test/pos folder"), message);
    }

    @Test
    void archiveWithoutAPartOrWithoutReviewsIsAnError() throws IOException {
        Map<String, byte[]> entries = corpus();
        entries.remove("aclImdb/train/pos/1_9.txt");
        // an archive is checked from the counts of the first pass over it (the corpus is read lazily)
        String message = inputError(() -> read(Fixtures.tarGz(tmp.resolve("partial.tar.gz"), entries)).countedAndChecked());
        assertTrue(message.contains("has no train/pos reviews"), message);
        Path empty = Fixtures.tarGz(tmp.resolve("empty.tar.gz"), Map.of("aclImdb/README", utf8("x")));
        assertTrue(inputError(() -> read(empty).countedAndChecked()).contains("no aclImdb reviews in"));
        Files.createDirectories(tmp.resolve("nothing"));
        assertTrue(inputError(() -> read(tmp.resolve("nothing"))).contains("has no train/ and test/ folders"));
    }

    @Test
    void truncatedOrNonGzipArchiveIsAnInputError() throws IOException {
        Map<String, byte[]> big = corpus();
        byte[] noise = new byte[200_000];
        new java.util.Random(1).nextBytes(noise);
        big.put("aclImdb/train/pos/9_9.txt", noise);
        byte[] whole = Files.readAllBytes(Fixtures.tarGz(tmp.resolve("whole.tar.gz"), big));
        Path truncated = Files.write(tmp.resolve("truncated.tar.gz"), Arrays.copyOf(whole, whole.length / 2));
        String message = inputError(() -> read(truncated).countedAndChecked());
        assertTrue(message.startsWith(truncated.toString() + ": not a readable .tar.gz archive"), message);
        Path plain = Files.writeString(tmp.resolve("plain.tar.gz"), "just text");
        assertTrue(inputError(() -> read(plain).countedAndChecked()).startsWith(plain + ": not a readable .tar.gz archive"));
    }
}
