package textnet.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static textnet.data.Fixtures.inputError;
import static textnet.data.Fixtures.utf8;

class ReutersReaderTest {

    @TempDir
    Path tmp;

    /** The quirks fixture as reut2-000.sgm, and a second file, as in the real collection. */
    private Map<String, byte[]> collection() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README.txt", utf8("Reuters-21578, Distribution 1.0"));
        files.put("reut2-000.sgm", ReutersSgmlTest.fixture().getBytes(StandardCharsets.ISO_8859_1));
        files.put("reut2-001.sgm", utf8("<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TEST\" NEWID=\"1001\">"
                + "<TOPICS><D>earn</D></TOPICS><TEXT><TITLE>SECOND FILE</TITLE><BODY>more</BODY></TEXT></REUTERS>\n"));
        return files;
    }

    private static Corpus read(Object path, String subset) {
        return CorpusReaders.read(SparkTestSupport.spark().sparkContext(), Configs.reuters(path, subset));
    }

    private static List<String> ids(Corpus corpus, boolean train) {
        return (train ? corpus.train() : corpus.test()).collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    @Test
    void r52KeepsSingleTopicDocumentsWhoseTopicIsInBothSplits() throws IOException {
        Corpus corpus = read(Fixtures.folder(tmp.resolve("reuters"), collection()), "r52");
        // 5 TOPICS="NO", 6 two topics, 7 NOT-USED, 8 cocoa only in train, 9 no TOPICS element.
        assertEquals(List.of("1", "3", "10"), ids(corpus, true));
        assertEquals(List.of("2", "4", "11", "1001"), ids(corpus, false));
        assertEquals(List.of("PROFIT <UP> AT CAF\u00e9 CO Net rose & sales \"grew\" 'a lot' &foo; \u007fX.\n Reuter\n |earn",
                "BRIEF TITLE ONLY|acq", "CPI TRAIN prices|cpi"),
                Fixtures.rows(corpus.train()).stream().map(r -> r.substring(r.indexOf('|') + 1)).toList());
    }

    @Test
    void r8KeepsOnlyItsEightTopics() throws IOException {
        Corpus corpus = read(Fixtures.folder(tmp.resolve("reuters"), collection()), "r8");
        assertEquals(List.of("1", "3"), ids(corpus, true));
        assertEquals(List.of("2", "4", "1001"), ids(corpus, false));
    }

    /**
     * Every topic of a ModApte document counts (6 has earn and acq); a document keeps the topics found
     * in both splits (1002: cocoa only in training) and is dropped with none of them (8, 1003).
     */
    @Test
    void r90KeepsDocumentsWithACategoryLabelledWithTheSetOfTheirCategories() throws IOException {
        Map<String, byte[]> files = collection();
        files.put("reut2-002.sgm", utf8(reuters("TRAIN", "1002", "cocoa", "earn", "earn")
                + reuters("TEST", "1003", "grain") + reuters("TEST", "1004", "earn", "acq", "cpi")
                + reuters("TRAIN", "1005")));
        Corpus corpus = read(Fixtures.folder(tmp.resolve("reuters"), files), "r90");
        assertEquals(List.of("1|earn", "3|acq", "6|acq|earn", "10|cpi", "1002|earn"), idsAndLabels(corpus.train()));
        assertEquals(List.of("2|earn", "4|acq", "11|cpi", "1001|earn", "1004|acq|cpi|earn"), idsAndLabels(corpus.test()));
    }

    private static String reuters(String split, String newId, String... topics) {
        StringBuilder d = new StringBuilder("<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"" + split + "\" NEWID=\"" + newId + "\"><TOPICS>");
        for (String t : topics) {
            d.append("<D>").append(t).append("</D>");
        }
        return d.append("</TOPICS><TEXT><TITLE>T").append(newId).append("</TITLE><BODY>b</BODY></TEXT></REUTERS>\n").toString();
    }

    private static List<String> idsAndLabels(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows) {
        return rows.collectAsList().stream().map(r -> r.getString(0) + "|" + r.getString(2)).toList();
    }

    @Test
    void archiveAndFolderGiveTheSameRowsAndNotes() throws IOException {
        Corpus folder = read(Fixtures.folder(tmp.resolve("reuters"), collection()), "r52");
        Corpus archive = read(Fixtures.tarGz(tmp.resolve("reuters21578.tar.gz"), collection()), "r52");
        assertEquals(Fixtures.rows(folder.train()), Fixtures.rows(archive.train()));
        assertEquals(Fixtures.rows(folder.test()), Fixtures.rows(archive.test()));
        assertEquals(folder.countedAndChecked(), archive.countedAndChecked());
    }

    @Test
    void brokenChunksAreReportedWithTheFileName() throws IOException {
        List<String> notes = read(Fixtures.folder(tmp.resolve("reuters"), collection()), "r52").countedAndChecked();
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("reuters21578: reut2-000.sgm: skipped 2 <REUTERS> chunk(s)"), notes.get(0));
    }

    @Test
    void missingOrEmptyInputIsAnInputError() throws IOException {
        String missing = inputError(() -> read(tmp.resolve("reuters21578.tar.gz"), "r52"));
        assertTrue(missing.contains("run scripts/fetch-data reuters or point data.path at your copy"), missing);
        Files.createDirectories(tmp.resolve("empty"));
        assertTrue(inputError(() -> read(tmp.resolve("empty"), "r52")).contains("has no reut2-*.sgm files"));
        Path noSgml = Fixtures.tarGz(tmp.resolve("other.tar.gz"), Map.of("README.txt", utf8("x")));
        assertTrue(inputError(() -> read(noSgml, "r52")).contains("no <REUTERS> documents"));
    }
}
