package textnet.bench;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.data.Fixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scale corpora: same seed, same bytes; the rows' format; class-pure mixing; reuse of finished files. */
class ScaleCorpusTest {

    @TempDir
    Path dir;

    /**
     * Three training reviews per class whose words name their class ("neg0a. neg0b! ..."), in a deliberately
     * unsorted archive order, with the line breaks and tabs that the generator must flatten.
     */
    private Path archive() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String label : List.of("pos", "neg")) {
            for (int k : new int[]{2, 0, 1}) {
                String text = label + k + "a. " + label + k + "b!<br /><br />" + label + k + "c?\t" + label + k + "d.\n";
                entries.put("aclImdb/train/" + label + "/" + k + "_7.txt", text.getBytes(StandardCharsets.UTF_8));
            }
            for (int k = 0; k < 2; k++) {
                entries.put("aclImdb/test/" + label + "/" + k + "_3.txt", ("test " + label + k + ".").getBytes(StandardCharsets.UTF_8));
            }
        }
        entries.put("aclImdb/README", "not a review".getBytes(StandardCharsets.UTF_8));
        return Fixtures.tarGz(dir.resolve("fixture.tar.gz"), entries, null);
    }

    @Test
    void sameSeedGivesTheSameBytesAnotherSeedOtherRows() throws IOException {
        Path archive = archive();
        for (String format : List.of("tsv", "parquet")) {
            ScaleCorpus.generate(archive, dir.resolve("a"), 40, format, 42);
            ScaleCorpus.generate(archive, dir.resolve("b"), 40, format, 42);
            ScaleCorpus.generate(archive, dir.resolve("c"), 40, format, 7);
            for (String file : List.of("train-40." + format, "test." + format)) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)),
                        Files.readAllBytes(dir.resolve("b").resolve(file)), file);
            }
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a").resolve("train-40." + format)),
                    Files.readAllBytes(dir.resolve("c").resolve("train-40." + format))), format);
        }
        // within one JVM parquet-mr's encoding sets happen to iterate alike; across JVMs only the sorted footer does
        assertTrue(encodingsSorted(dir.resolve("a/train-40.parquet")));
        assertEquals(tsvRows(dir.resolve("a/train-40.tsv")), parquetRows(dir.resolve("a/train-40.parquet")));
        assertEquals(tsvRows(dir.resolve("a/test.tsv")), parquetRows(dir.resolve("a/test.parquet")));
        // a larger corpus begins with the smaller one
        ScaleCorpus.generate(archive, dir.resolve("a"), 60, "tsv", 42);
        assertEquals(tsvRows(dir.resolve("a/train-40.tsv")), tsvRows(dir.resolve("a/train-60.tsv")).subList(0, 40));
    }

    @Test
    void rowsAreOriginalsThenSameClassMixesOnOneLine() throws IOException {
        Path out = dir.resolve("out");
        ScaleCorpus.generate(archive(), out, 40, "tsv", 42);
        List<String> train = tsvRows(out.resolve("train-40.tsv"));
        assertEquals(40, train.size());
        // the originals first, classes alternating, each in file name order, flattened to one line
        assertEquals(List.of("neg|neg0a. neg0b!  neg0c? neg0d.", "pos|pos0a. pos0b!  pos0c? pos0d.",
                "neg|neg1a. neg1b!  neg1c? neg1d.", "pos|pos1a. pos1b!  pos1c? pos1d."), train.subList(0, 4));
        for (int i = 6; i < train.size(); i++) {
            String[] row = train.get(i).split("\\|", -1);
            String label = i % 2 == 0 ? "neg" : "pos";
            assertEquals(label, row[0], "row " + i);
            // the first half of one review's sentences (a, b), then the second half of another's (c, d)
            assertTrue(row[1].matches(label + "[0-2]a\\. " + label + "[0-2]b! +" + label + "[0-2]c\\? " + label + "[0-2]d\\."),
                    "row " + i + ": " + row[1]);
        }
        assertEquals(List.of("neg|test neg0.", "pos|test pos0.", "neg|test neg1.", "pos|test pos1."),
                tsvRows(out.resolve("test.tsv")));
        String raw = Files.readString(out.resolve("train-40.tsv"));
        assertEquals(40, raw.chars().filter(c -> c == '\n').count());
        assertEquals(40, raw.chars().filter(c -> c == '\t').count());
        assertFalse(raw.contains("<br") || raw.contains("\r"));
    }

    @Test
    void aFinishedFileIsKeptUnlessItsMarkerDiffers() throws IOException {
        Path archive = archive();
        Path out = dir.resolve("out");
        ScaleCorpus.generate(archive, out, 10, "tsv", 42);
        Path train = out.resolve("train-10.tsv");
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(train, old);
        List<String> lines = ScaleCorpus.generate(archive, out, 10, "tsv", 42);
        assertTrue(lines.get(0).startsWith("scale: up to date"), lines.get(0));
        assertEquals(old, Files.getLastModifiedTime(train));
        ScaleCorpus.generate(archive, out, 10, "tsv", 43);   // another seed: rebuilt
        assertFalse(old.equals(Files.getLastModifiedTime(train)));
        Files.writeString(train, "truncated");                 // a damaged file: rebuilt
        ScaleCorpus.generate(archive, out, 10, "tsv", 43);
        assertEquals(10, tsvRows(train).size());
    }

    /** "label|text" per line. */
    private static List<String> tsvRows(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(line.replaceFirst("\t", "|"));
        }
        return rows;
    }

    /** Every column chunk's encodings listed in the order of their Thrift values. */
    private static boolean encodingsSorted(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int length = java.nio.ByteBuffer.wrap(all, all.length - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        org.apache.parquet.format.FileMetaData metadata = org.apache.parquet.format.Util.readFileMetaData(
                new java.io.ByteArrayInputStream(all, all.length - 8 - length, length));
        for (org.apache.parquet.format.RowGroup group : metadata.getRow_groups()) {
            for (org.apache.parquet.format.ColumnChunk chunk : group.getColumns()) {
                int[] values = chunk.getMeta_data().getEncodings().stream().mapToInt(e -> e.getValue()).toArray();
                int[] sorted = values.clone();
                java.util.Arrays.sort(sorted);
                if (values.length < 2 || !java.util.Arrays.equals(values, sorted)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> parquetRows(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                new org.apache.hadoop.fs.Path(file.toUri())).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                rows.add(g.getString("label", 0) + "|" + g.getString("text", 0));
            }
        }
        return rows;
    }
}
