package textnet.data;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;
import textnet.SparkTestSupport;
import textnet.config.DataConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static textnet.data.Fixtures.inputError;
import static textnet.data.Fixtures.rows;

/** tsv, csv, jsonl and parquet: the generic formats read from data.train and data.test. */
class TextTableReaderTest {

    @TempDir
    Path tmp;

    private static Corpus read(DataConfig config) {
        return CorpusReaders.read(SparkTestSupport.spark().sparkContext(), config);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    @Test
    void tsvSplitsOnTheFirstTabAndSkipsEmptyLines() throws IOException {
        Path train = write("train.tsv", "pos\tgood\tfun\tfilm\n\nneg\tbad\n\n");
        Path test = write("test.tsv", "neg\t\n");
        Corpus corpus = read(Configs.files("tsv", train, test));
        assertEquals(List.of("0:0|good\tfun\tfilm|pos", "0:19|bad|neg"), rows(corpus.train()));
        assertEquals(List.of("0:0||neg"), rows(corpus.test()));
    }

    @Test
    void tsvLineWithoutATabNamesFileAndLine() throws IOException {
        Path train = write("train.tsv", "pos\tok\n\njust text\n");
        String message = inputError(() -> read(Configs.files("tsv", train, train)).train().collectAsList());
        assertEquals(train + " line 3: no tab; tsv lines are label<TAB>text", message);
    }

    @Test
    void csvHasAHeaderAndQuotedFieldsMaySpanLines() throws IOException {
        Path train = write("train.csv", "label,text\npos,\"line one\nline two, still\"\nneg,\"say \"\"hi\"\"\"\n1,\n");
        Corpus corpus = read(Configs.files("csv", train, train));
        assertEquals(List.of("0:0|line one\nline two, still|pos", "0:1|say \"hi\"|neg", "0:2||1"), rows(corpus.train()));
    }

    @Test
    void jsonlLabelsBecomeStringsAndNullTextIsEmpty() throws IOException {
        Path train = write("train.jsonl", "{\"text\": \"a\", \"label\": 1}\n{\"text\": null, \"label\": 0}\n"
                + "{\"label\": 1, \"extra\": true}\n");
        Corpus corpus = read(Configs.files("jsonl", train, train));
        assertEquals(List.of("0:0|a|1", "0:26||0", "0:53||1"), rows(corpus.train()));
    }

    /** 1, 1.0 and "1" are one class; a float column's 0.0 and 1.0 are "0" and "1", as an integer column's. */
    @Test
    void numericLabelsHaveOneSpellingPerNumber() throws IOException {
        Path train = write("train.jsonl", "{\"text\": \"a\", \"label\": 1}\n{\"text\": \"b\", \"label\": 1.0}\n"
                + "{\"text\": \"c\", \"label\": \"1\"}\n{\"text\": \"d\", \"label\": 2.50}\n"
                + "{\"text\": \"e\", \"label\": true, \"extra\": {\"label\": 9}}\n");
        assertEquals(List.of("0:0|a|1", "0:26|b|1", "0:54|c|1", "0:82|d|2.5", "0:111|e|true"), rows(read(Configs.files("jsonl", train, train)).train()));
        SparkSession spark = SparkTestSupport.spark();
        StructType schema = new StructType().add("text", DataTypes.StringType).add("label", DataTypes.DoubleType);
        String path = tmp.resolve("doubles.parquet").toString();
        spark.createDataFrame(List.of(RowFactory.create("x", 0.0), RowFactory.create("y", 1.0), RowFactory.create("z", 0.25)),
                schema).coalesce(1).write().parquet(path);
        assertEquals(List.of("0:0|x|0", "0:1|y|1", "0:2|z|0.25"), rows(read(Configs.files("parquet", path, path)).train()));
    }

    /** Hadoop's codecs by the file's name, as Spark's readers did. */
    @Test
    void compressedFilesAreDecompressedByTheirName() throws IOException {
        Path gz = tmp.resolve("train.tsv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("pos\tgood\nneg\tbad\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(List.of("0:0|good|pos", "0:9|bad|neg"), rows(read(Configs.files("tsv", gz, gz)).train()));
    }

    /** Excel writes one; it must not become part of the first column's name or the first label. */
    @Test
    void utf8ByteOrderMarkIsSkipped() throws IOException {
        Path csv = write("bom.csv", "\uFEFFlabel,text\npos,good\n");
        assertEquals(List.of("0:0|good|pos"), rows(read(Configs.files("csv", csv, csv)).train()));
        Path tsv = write("bom.tsv", "\uFEFFpos\tgood\n");
        assertEquals(List.of("0:0|good|pos"), rows(read(Configs.files("tsv", tsv, tsv)).train()));
    }

    @Test
    void rowsWithMalformedUtf8AreRepairedAndCountedPerFile() throws IOException {
        Path train = Files.write(tmp.resolve("train.csv"), new byte[]{'l', 'a', 'b', 'e', 'l', ',', 't', 'e', 'x', 't', '\n',
                'p', 'o', 's', ',', (byte) 0xC3, (byte) 0xA9, '\n', 'n', 'e', 'g', ',', 'x', (byte) 0xFF, '\n'});
        Path test = write("test.csv", "label,text\npos,fine\n");
        Corpus corpus = read(Configs.files("csv", train, test));
        assertEquals(List.of("0:0|\u00e9|pos", "0:1|x\uFFFD|neg"), rows(corpus.train()));
        assertEquals(List.of(train + ": 1 row was not valid UTF-8; their malformed bytes were replaced with U+FFFD"),
                corpus.countedAndChecked());
    }

    @Test
    void parquetReadsTheConfiguredColumns() {
        SparkSession spark = SparkTestSupport.spark();
        StructType schema = new StructType().add("body", DataTypes.StringType).add("y", DataTypes.IntegerType);
        String path = tmp.resolve("train.parquet").toString();
        spark.createDataFrame(List.of(RowFactory.create("first", 3), RowFactory.create("second", 7)), schema)
                .coalesce(1).write().parquet(path);
        Corpus corpus = read(Configs.columns("parquet", path, path, "body", "y"));
        assertEquals(List.of("0:0|first|3", "0:1|second|7"), rows(corpus.test()));
    }

    @Test
    void missingColumnNamesTheFileAndTheColumnsFound() throws IOException {
        Path train = write("train.csv", "label,body\npos,x\n");
        String message = inputError(() -> read(Configs.files("csv", train, train)));
        assertEquals(train + ": no column 'text' (data.text-column); columns found: label, body", message);
    }

    @Test
    void nullLabelIsAnErrorNamingTheRow() throws IOException {
        Path train = write("train.jsonl", "{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"b\"}\n");
        assertEquals(train + " line 2: no value in column 'label'",
                inputError(() -> read(Configs.files("jsonl", train, train)).train().collectAsList()));
    }

    @Test
    void malformedJsonIsAnInputError() throws IOException {
        Path train = write("train.jsonl", "{\"text\": \"a\", \"label\": 1}\n{not json\n");
        assertEquals(train + " line 2: not a JSON object (Unexpected character ('n' (code 110)): was expecting"
                        + " double-quote to start field name)",
                inputError(() -> read(Configs.files("jsonl", train, train)).train().collectAsList()));
    }

    @Test
    void unsetOrMissingSplitFilesAreNamed() throws IOException {
        Path train = write("train.tsv", "a\tb\n");
        assertEquals("config key 'data.test' is not set; the tsv format reads its splits from data.train and data.test",
                Fixtures.error(JobException.Kind.CONFIG, () -> read(Configs.files("tsv", train, null))));
        String missing = inputError(() -> read(Configs.files("csv", tmp.resolve("nope.csv"), train)));
        assertTrue(missing.startsWith("data.train: " + tmp.resolve("nope.csv") + " does not exist"), missing);
    }
}
