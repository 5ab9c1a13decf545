package textnet.data;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's value becomes a Hadoop path by one rule: a URI when it starts "scheme:/", otherwise a local
 * path taken literally, whatever ':', spaces or glob characters it holds; each such file is read alone,
 * never with the siblings a glob would also match.
 */
class InputPathsTest {

    /** Names Hadoop would misread (':' as a scheme) or Spark would expand as globs, each with siblings it would match. */
    private static final List<List<String>> NAME_AND_DECOYS = List.of(
            List.of("train[1].tsv", "train1.tsv"),
            List.of("rev{a,b}.tsv", "reva.tsv", "revb.tsv"),
            List.of("my:train.tsv", "my"),
            List.of("a b.tsv", "a"),
            List.of("star*.tsv", "star-decoy.tsv"),
            List.of("what?.tsv", "whatX.tsv"),
            List.of("back\\slash.tsv", "backslash.tsv"),
            List.of("com,ma.tsv", "com"));

    @TempDir
    Path tmp;

    @Test
    void aSchemeFollowedByASlashIsAUriAndAnythingElseALocalPath() {
        for (String uri : new String[]{"hdfs://namenode:8020/data/train.tsv", "s3a://bucket/key.tsv", "file:/tmp/x.tsv",
                "file:///tmp/x.tsv", "denyread:///tmp/x"}) {
            assertTrue(InputPaths.hasUriScheme(uri), uri);
            assertEquals(uri.replace(":///", ":/"), InputPaths.hadoopPath(uri).toString());
        }
        for (String local : new String[]{"my:train.tsv", "a b.tsv", "train[1].tsv", "c:x.tsv", "x:y", "1a:/b", ":/x", "rel/a:/b"}) {
            assertFalse(InputPaths.hasUriScheme(local), local);
            String expected = "file:" + Path.of(local).toAbsolutePath().normalize();
            assertEquals(expected, InputPaths.hadoopPath(local).toString(), local);
        }
    }

    @Test
    void literalPatternsEscapeExactlyTheGlobCharacters() {
        Path file = tmp.resolve("x{a,b}[1]*?\\:y z.tsv");
        assertEquals("file:" + tmp + "/x\\{a,b\\}\\[1\\]\\*\\?\\\\:y z.tsv",
                InputPaths.literalPattern(InputPaths.hadoopPath(file.toString())));
        assertEquals("hdfs://nn/d/t\\[1\\].tsv", InputPaths.literalPattern(InputPaths.hadoopPath("hdfs://nn/d/t[1].tsv")));
    }

    /** Driver checks and the task's reading, without the shuffle of a whole corpus (one small job per name). */
    @Test
    void eachNameIsReadAloneNeverWithTheSiblingsAGlobWouldMatch() throws IOException {
        var spark = SparkTestSupport.spark();
        var sc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
        TableColumns columns = new TableColumns("text", "label");
        for (List<String> names : NAME_AND_DECOYS) {
            Path dir = Files.createDirectories(tmp.resolve("tsv" + NAME_AND_DECOYS.indexOf(names)));
            Path file = Files.writeString(dir.resolve(names.get(0)), "yes\tthe one\n");
            for (String decoy : names.subList(1, names.size())) {
                Files.writeString(dir.resolve(decoy), "decoy\tnot this file\n");
            }
            List<InputFile> checked = TableFile.require(spark.sparkContext(), "data.train", file.toString(), textnet.config.DataFormat.TSV, columns, "hint");
            assertEquals(1, checked.size(), names.get(0));
            List<TableRow> rows = TableRows.read(sc, checked, "data.train", textnet.config.DataFormat.TSV, columns, true).collect();
            assertEquals(1, rows.size(), names.get(0));
            assertEquals("the one", rows.get(0).textString());
            assertEquals("yes", rows.get(0).label());
        }
    }

    @Test
    void eachTableFormatReadsOddlyNamedSplits() throws IOException {
        Path train = Files.writeString(tmp.resolve("train[1] my:x.tsv"), "yes\tone\nno\ttwo\n");
        Path test = Files.writeString(tmp.resolve("test{a,b}.tsv"), "no\tthree\n");
        Files.writeString(tmp.resolve("train1 my:x.tsv"), "decoy\tx\n");
        Files.writeString(tmp.resolve("testa.tsv"), "decoy\tx\n");
        Corpus tsv = read(Configs.files("tsv", train, test));
        assertEquals(List.of("0:0|one|yes", "0:8|two|no"), Fixtures.rows(tsv.train()));
        assertEquals(List.of("0:0|three|no"), Fixtures.rows(tsv.test()));
        Path csv = Files.writeString(tmp.resolve("t[1]:x.csv"), "label,text\nyes,one\nno,two\n");
        Path jsonl = Files.writeString(tmp.resolve("t{a,b} 1.jsonl"), "{\"text\":\"three\",\"label\":\"no\"}\n");
        Files.writeString(tmp.resolve("t1:x.csv"), "label,text\ndecoy,x\n");
        Files.writeString(tmp.resolve("ta 1.jsonl"), "{\"text\":\"x\",\"label\":\"decoy\"}\n");
        Corpus mixed = read(Configs.files("csv", csv, csv));
        assertEquals(List.of("0:0|one|yes", "0:1|two|no"), Fixtures.rows(mixed.test()));
        assertEquals(List.of("0:0|three|no"), Fixtures.rows(read(Configs.files("jsonl", jsonl, jsonl)).test()));
    }

    /** Spark's Parquet source expands globs: the escaped pattern matches the folder itself only. */
    @Test
    void parquetWithGlobCharactersReadsExactlyThatFolder() {
        StructType schema = new StructType().add("text", DataTypes.StringType).add("label", DataTypes.StringType);
        var spark = SparkTestSupport.spark();
        Path wanted = tmp.resolve("p[1]{a,b} x.parquet");
        spark.createDataFrame(List.of(RowFactory.create("one", "yes")), schema).coalesce(1).write().parquet(wanted.toString());
        for (String decoy : new String[]{"p1a x.parquet", "p1b x.parquet"}) {
            spark.createDataFrame(List.of(RowFactory.create("x", "decoy")), schema).write().parquet(tmp.resolve(decoy).toString());
        }
        assertEquals(List.of("0:0|one|yes"), Fixtures.rows(read(Configs.files("parquet", wanted, wanted)).train()));
    }

    @Test
    void foldersAndArchivesWithOddNamesAreRead() throws IOException {
        Path folder = Fixtures.folder(tmp.resolve("imdb:[1] {a}"), AclImdbReaderTest.corpus());
        Files.createDirectories(tmp.resolve("imdb:1 a")); // what a glob of the name would also match
        assertEquals(3, read(Configs.path("aclimdb", folder)).train().count());
        Path archive = Fixtures.tarGz(tmp.resolve("imdb?*:x.tar.gz"), AclImdbReaderTest.corpus());
        assertEquals(2, read(Configs.path("aclimdb", archive)).test().count());
        Path reuters = Files.createDirectories(tmp.resolve("reuters [x]:y"));
        Files.writeString(reuters.resolve("reut2-000.sgm"), ReutersSgmlTest.fixture(), java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> r52 = List.of("1", "3", "10");
        assertEquals(r52, read(Configs.reuters(reuters, "r52")).train().collectAsList().stream().map(r -> r.getString(0)).toList());
        Path reutersArchive = Fixtures.tarGz(tmp.resolve("reuters {a,b}:1.tar.gz"), java.util.Map.of("reut2-000.sgm",
                ReutersSgmlTest.fixture().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertEquals(r52, read(Configs.reuters(reutersArchive, "r52")).train().collectAsList().stream()
                .map(r -> r.getString(0)).toList());
    }

    private static Corpus read(textnet.config.DataConfig config) {
        return CorpusReaders.read(SparkTestSupport.spark().sparkContext(), config);
    }
}
