package textnet;

import org.apache.spark.sql.SparkSession;
import textnet.cli.SparkSessions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** One local[2] Spark session for the whole test JVM (as MLlib's tests share theirs). */
public final class SparkTestSupport {

    private static SparkSession spark;

    private SparkTestSupport() {
    }

    public static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSessions.create("local[2]", "textnet-tests", false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
        }
        return spark;
    }

    /** The real corpora: -Dtextnet.data, defaulting to ../shared/data beside the project. */
    public static Path dataDir() {
        String configured = System.getProperty("textnet.data");
        return configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared", "data");
    }

    public static Path corpus(String fileName) {
        Path p = dataDir().resolve(fileName);
        boolean present = Files.isRegularFile(p);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must have the real corpus " + p.toAbsolutePath());
        }
        assumeTrue(present, "real corpus not found: " + p.toAbsolutePath());
        return p;
    }

    public static Path project() {
        String configured = System.getProperty("textnet.project");
        return configured != null ? Paths.get(configured) : Paths.get("..");
    }
}
