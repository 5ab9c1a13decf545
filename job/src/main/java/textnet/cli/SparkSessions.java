package textnet.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import textnet.io.Scratch;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The one place a Spark session (or a context alone: {@link #context}) is configured, for the CLI and the
 * tests alike.
 */
public final class SparkSessions {

    /** The context {@link #context} started last, which {@link JobProcess} stops before its scratch goes. */
    private static final AtomicReference<SparkContext> STARTED = new AtomicReference<>();

    private SparkSessions() {
    }

    /**
     * @param master null keeps what spark-submit set, or {@code local[*]} when nothing did; a URL given
     *               here is checked first ({@link MasterUrl}), a wrong or unreachable one is exit 2
     */
    public static SparkSession create(String master, String appName, boolean ui) {
        return create(master, appName, ui, null);
    }

    /**
     * @param scratch the command's scratch folder: Spark's local dirs ({@code spark-*}, {@code blockmgr-*})
     *                and SQL warehouse go there, so that nothing is left in the system's temp folder
     *                (null: Spark's defaults). Only in a JVM textnet owns ({@link JobProcess}), which
     *                stops Spark before the scratch folder goes: a session that outlives the command
     *                (tests, an application) keeps Spark's defaults.
     */
    public static SparkSession create(String master, String appName, boolean ui, Scratch scratch) {
        return create(master, appName, ui, scratch, false);
    }

    /**
     * @param progress the console shows progress (ConsoleProgress): running tasks' counters reach the
     *                 driver with executor heartbeats, so they come every second instead of Spark's 10 s
     *                 (a heartbeat carries only the running tasks' non-zero accumulators; Spark requires
     *                 the interval to stay below spark.network.timeout, 120 s). A value set for the
     *                 application (spark-submit --conf) is kept.
     */
    public static SparkSession create(String master, String appName, boolean ui, Scratch scratch, boolean progress) {
        return SparkSession.builder().config(conf(master, appName, ui, scratch, progress)).getOrCreate();
    }

    /**
     * A Spark context alone, as {@link #create} configures it: train's readers need no Spark SQL
     * session unless they read Parquet (data/SqlSession makes one then), and making it takes ~1.4 s of
     * the command's start (Spark SQL's and Scala reflection's classes).
     */
    public static SparkContext context(String master, String appName, boolean ui, Scratch scratch, boolean progress) {
        SparkContext sc = SparkContext.getOrCreate(conf(master, appName, ui, scratch, progress));
        STARTED.set(sc);
        return sc;
    }

    /** Stops the context {@link #context} started, if any (stopping twice is harmless). */
    static void stopStarted() {
        SparkContext sc = STARTED.getAndSet(null);
        if (sc != null) {
            sc.stop();
        }
    }

    private static SparkConf conf(String master, String appName, boolean ui, Scratch scratch, boolean progress) {
        if (master != null) {
            MasterUrl.check(master); // before Spark's classes load: a wrong URL fails in milliseconds
        }
        SparkConf conf = new SparkConf().setAppName(appName);
        if (scratch != null && JobProcess.owned()) {
            conf.setIfMissing("spark.local.dir", scratch.folder("spark").toString());
            conf.setIfMissing("spark.sql.warehouse.dir", scratch.root().resolve("spark-warehouse").toUri().toString());
        }
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.ui.enabled", Boolean.toString(ui));
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (progress) {
            conf.setIfMissing("spark.executor.heartbeatInterval", "1s");
        }
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        // a cached element is a whole block of rows (tens of MB): check the memory left after each one,
        // not after 16 (Spark's default), or caching a replica can overrun the heap before it spills
        conf.setIfMissing("spark.storage.unrollMemoryCheckPeriod", "1");
        conf.setIfMissing("spark.driver.host", "127.0.0.1");
        conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        return conf;
    }
}
