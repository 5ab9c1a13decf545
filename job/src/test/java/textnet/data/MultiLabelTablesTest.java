package textnet.data;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;
import textnet.config.DataConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static textnet.data.Fixtures.inputError;

/** The table formats with data.labels: multi (a label is a set of classes, see LabelSet), and single mode's refusals of lists. */
class MultiLabelTablesTest {

    @TempDir
    Path tmp;

    private static Corpus read(DataConfig config) {
        return CorpusReaders.read(SparkTestSupport.spark().sparkContext(), config);
    }

    private static DataConfig multi(String format, Object file) {
        return Configs.labels(Configs.files(format, file, file), "multi");
    }

    private static DataConfig single(String format, Object file) {
        return Configs.labels(Configs.files(format, file, file), "single");
    }

    private static List<String> labels(Corpus corpus) {
        return corpus.train().collectAsList().stream().map(r -> r.getString(2)).toList();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    /** Sorted, distinct, blanks around names trimmed; an empty field is the empty set. */
    @Test
    void tsvFieldIsASetOfPipeJoinedNames() throws IOException {
        Path tsv = write("train.tsv", "b|a\tx\n c | a |c\ty\n\tz\nsports\tw\n");
        assertEquals(List.of("a|b", "a|c", "", "sports"), labels(read(multi("tsv", tsv))));
        // single mode: the field as it is, as before
        assertEquals(List.of("b|a", " c | a |c", "", "sports"), labels(read(single("tsv", tsv))));
    }

    @Test
    void tsvEmptyNameInASetNamesFileAndLine() throws IOException {
        Path tsv = write("train.tsv", "a\tx\n\na||b\ty\n");
        assertEquals(tsv + " line 3: an empty class name in a label set (labels are joined by '|')",
                inputError(() -> labels(read(multi("tsv", tsv)))));
    }

    @Test
    void csvFieldIsASetAndMayBeEmptyInMultiModeOnly() throws IOException {
        Path csv = write("train.csv", "label,text\n\"b|a|b\",x\n\" c | a \",y\n,z\n");
        assertEquals(List.of("a|b", "a|c", ""), labels(read(multi("csv", csv))));
        assertEquals(csv + " line 4: no value in column 'label'", inputError(() -> labels(read(single("csv", csv)))));
    }

    /** Array elements are spelled as scalar labels are (1.0 is "1"); a scalar is a set too. */
    @Test
    void jsonlArraysAndScalarsAreSetsInMultiMode() throws IOException {
        Path jsonl = write("train.jsonl", String.join("\n",
                "{\"text\": \"a\", \"label\": [\"sport\", \"politics\", \"sport\"]}",
                "{\"text\": \"b\", \"label\": [2.50, 1.0, true]}",
                "{\"text\": \"c\", \"label\": []}",
                "{\"text\": \"d\", \"label\": \"b | a\"}",
                "{\"text\": \"e\", \"label\": 7}", ""));
        assertEquals(List.of("politics|sport", "1|2.5|true", "", "a|b", "7"), labels(read(multi("jsonl", jsonl))));
    }

    @Test
    void jsonlArrayOfNonScalarsOrNullLabelIsAnError() throws IOException {
        Path nested = write("nested.jsonl", "{\"text\": \"a\", \"label\": [\"x\", [\"y\"]]}\n");
        assertEquals(nested + " line 1: column 'label' (data.label-column) holds an array with an array in it;"
                + " expected strings, numbers or booleans", inputError(() -> labels(read(multi("jsonl", nested)))));
        Path withNull = write("null.jsonl", "{\"text\": \"a\", \"label\": [\"x\", null]}\n");
        assertEquals(withNull + " line 1: column 'label' (data.label-column) holds an array with null in it;"
                + " expected strings, numbers or booleans", inputError(() -> labels(read(multi("jsonl", withNull)))));
        Path missing = write("missing.jsonl", "{\"text\": \"a\", \"label\": [\"x\"]}\n{\"text\": \"b\", \"label\": null}\n");
        assertEquals(missing + " line 2: no value in column 'label'", inputError(() -> labels(read(multi("jsonl", missing)))));
    }

    @Test
    void jsonlArrayInSingleModeNeedsMulti() throws IOException {
        Path jsonl = write("train.jsonl", "{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"b\", \"label\": [\"x\", \"y\"]}\n");
        String expected = jsonl + " line 2: column 'label' (data.label-column) holds an array; a list of labels needs"
                + " data.labels: multi";
        assertEquals(expected, inputError(() -> labels(read(single("jsonl", jsonl)))));
        assertEquals(expected, inputError(() -> labels(read(Configs.files("jsonl", jsonl, jsonl))))); // auto: single
    }

    @Test
    void parquetArrayColumnIsJoinedInMultiMode() {
        SparkSession spark = SparkTestSupport.spark();
        StructType schema = new StructType().add("text", DataTypes.StringType)
                .add("label", DataTypes.createArrayType(DataTypes.StringType));
        String path = tmp.resolve("strings.parquet").toString();
        spark.createDataFrame(List.of(RowFactory.create("x", List.of("b", "a", "b")), RowFactory.create("y", List.of()),
                RowFactory.create("z", List.of("c"))), schema).coalesce(1).write().parquet(path);
        assertEquals(List.of("a|b", "", "c"), labels(read(multi("parquet", path))));

        StructType numbers = new StructType().add("text", DataTypes.StringType)
                .add("label", DataTypes.createArrayType(DataTypes.DoubleType));
        String doubles = tmp.resolve("doubles.parquet").toString();
        spark.createDataFrame(List.of(RowFactory.create("x", List.of(3.0, 0.25))), numbers).coalesce(1).write().parquet(doubles);
        assertEquals(List.of("0.25|3"), labels(read(multi("parquet", doubles))));

        StructType strings = new StructType().add("text", DataTypes.StringType).add("label", DataTypes.StringType);
        String scalar = tmp.resolve("scalar.parquet").toString();
        spark.createDataFrame(List.of(RowFactory.create("x", "b|a")), strings).coalesce(1).write().parquet(scalar);
        assertEquals(List.of("a|b"), labels(read(multi("parquet", scalar))));
        assertEquals(List.of("b|a"), labels(read(single("parquet", scalar))));
    }

    @Test
    void parquetArrayColumnInSingleModeNeedsMulti() {
        StructType schema = new StructType().add("text", DataTypes.StringType)
                .add("label", DataTypes.createArrayType(DataTypes.StringType));
        String path = tmp.resolve("train.parquet").toString();
        SparkTestSupport.spark().createDataFrame(List.of(RowFactory.create("x", List.of("a"))), schema)
                .coalesce(1).write().parquet(path);
        assertEquals(path + ": column 'label' (data.label-column) holds array<string>; a list of labels needs"
                + " data.labels: multi", inputError(() -> read(single("parquet", path))));
    }

    /**
     * The label checks count classes, not sets: 24 distinct pairs of 8 classes, each seen once, are
     * fine in multi mode; single mode takes them for a column of unique values.
     */
    @Test
    void labelChecksCountTheClassesOfSets() throws IOException {
        StringBuilder rows = new StringBuilder();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 8 && pairs.size() < 24; i++) {
            for (int j = i + 1; j < 8 && pairs.size() < 24; j++) {
                pairs.add("c" + i + "|c" + j);
                rows.append("c").append(i).append("|c").append(j).append("\ttext\n");
            }
        }
        Path tsv = write("train.tsv", rows.toString());
        assertEquals(List.of(), read(multi("tsv", tsv)).countedAndChecked());
        String single = inputError(() -> read(single("tsv", tsv)).countedAndChecked());
        assertTrue(single.contains("24 distinct labels in 24 training rows, 24 of them seen once"), single);
        Path numbers = write("numbers.tsv", "1|2\tx\n1.0\ty\n");
        assertEquals("the tsv labels (the text before the first tab): the labels '1' and '1.0' are the same number"
                + " written two ways, which would be two classes; write each class one way",
                inputError(() -> read(multi("tsv", numbers)).countedAndChecked()));
    }
}
