package textnet.cli;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.SparkTestSupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train} starts a Spark context alone and makes a Spark SQL session only to read Parquet
 * (SparkSessions.context, data/SqlSession): making one costs ~1.4 s of every command's start. Seen
 * from the classes a real textnet JVM loads.
 */
class SparkSqlOnlyWhenNeededProcessTest {

    private static final String SESSION_CLASS = "org.apache.spark.sql.classic.SparkSession ";

    @TempDir
    Path dir;

    @Test
    void tsvTrainsWithoutASqlSessionAndParquetMakesOneOnTheSameContext() throws Exception {
        String trainTsv = TsvAndPredictTest.tsv(300, 1);
        String testTsv = TsvAndPredictTest.tsv(100, 2);
        Files.writeString(dir.resolve("train.tsv"), trainTsv);
        Files.writeString(dir.resolve("test.tsv"), testTsv);
        writeParquet(trainTsv, dir.resolve("train.parquet"));
        writeParquet(testTsv, dir.resolve("test.parquet"));

        String tsvClasses = train("tsv");
        assertTrue(tsvClasses.contains("org.apache.spark.SparkContext "), "the log lists the classes loaded");
        assertFalse(tsvClasses.contains(SESSION_CLASS), "a TSV run makes no Spark SQL session");

        assertTrue(train("parquet").contains(SESSION_CLASS), "a Parquet run reads through a Spark SQL session");
    }

    /** Trains on the format's two files in a textnet JVM; returns the classes it loaded. */
    private String train(String format) throws Exception {
        Path classes = dir.resolve(format + "-classes.log");
        Path out = dir.resolve("runs/" + format);
        TextnetProcess.Outcome o = TextnetProcess.run(dir, dir.resolve("tmp"),
                List.of("-Xlog:class+load=info:file=" + classes), "train", CliChecks.config(), "--out", out.toString(),
                "--set", "data.format=" + format, "--set", "data.train=" + dir.resolve("train." + format),
                "--set", "data.test=" + dir.resolve("test." + format), "--set", "train.epochs=1",
                "--master", "local[2]", "--progress", "off");
        TextnetProcess.assertCleanSuccess(o);
        assertTrue(Files.exists(out.resolve("_SUCCESS")), o.toString());
        return Files.readString(classes);
    }

    private static void writeParquet(String tsv, Path file) {
        List<Row> rows = new ArrayList<>();
        tsv.lines().forEach(l -> rows.add(RowFactory.create(l.substring(l.indexOf('\t') + 1), l.substring(0, l.indexOf('\t')))));
        SparkTestSupport.spark().createDataFrame(rows, new StructType().add("text", DataTypes.StringType)
                .add("label", DataTypes.StringType)).coalesce(1).write().parquet(file.toString());
    }
}
