package textnet.cli;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;
import textnet.io.ModelFiles;
import textnet.io.ModelFilesTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** predict's table inputs get training's checks: text must be strings, jsonl lines must be JSON. */
class PredictInputTest {

    @TempDir
    Path dir;

    private Path model() throws Exception {
        Path model = dir.resolve("model");
        ModelFiles.save(ModelFilesTest.tinyModel(List.of("neg", "pos")), model);
        return model;
    }

    @Test
    void jsonlLineThatIsNotJsonIsNamed() throws Exception {
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"good film\"}\nnot json\n");
        CliRunner.Outcome o = CliRunner.run("predict", "--model", model().toString(), "--input", input.toString(),
                "--output", dir.resolve("p.csv").toString());
        assertEquals(3, o.exitCode(), o.toString());
        assertTrue(o.err().contains("row 1 is not a JSON object"), o.err());
        assertFalse(Files.exists(dir.resolve("p.csv")));
    }

    @Test
    void textColumnThatIsNotStringsIsRefused() throws Exception {
        StructType schema = new StructType().add("text", DataTypes.createArrayType(DataTypes.StringType));
        Path input = dir.resolve("in.parquet");
        SparkTestSupport.spark().createDataFrame(List.of(RowFactory.create((Object) List.of("good", "film"))), schema)
                .write().parquet(input.toString());
        CliRunner.Outcome o = CliRunner.run("predict", "--model", model().toString(), "--input", input.toString(),
                "--output", dir.resolve("p.csv").toString());
        assertEquals(3, o.exitCode(), o.toString());
        assertTrue(o.err().contains("column 'text'") && o.err().contains("array<string>"), o.err());
    }

    @Test
    void folderWithoutTextFilesIsAnInputError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRunner.Outcome o = CliRunner.run("predict", "--model", model().toString(), "--input", empty.toString());
        assertEquals(3, o.exitCode(), o.toString());
        assertTrue(o.err().contains("has no .txt files"), o.err());
    }

    @Test
    void goodJsonlIsPredictedRowByRow() throws Exception {
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"good film\"}\n{\"text\": null}\n");
        Path out = dir.resolve("p.csv");
        CliRunner.Outcome o = CliRunner.run("predict", "--model", model().toString(), "--input", input.toString(),
                "--output", out.toString());
        assertEquals(0, o.exitCode(), o.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("0,") && lines.get(2).startsWith("1,"), lines.toString());
    }
}
