package textnet.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The one place a Spark session is configured, for the CLI and the tests alike. */
public final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * @param master null keeps what spark-submit set, or {@code local[*]} when nothing did; a URL given
     *               here is checked first ({@link MasterUrl}), a wrong or unreachable one is exit 2
     */
    public static SparkSession create(String master, String appName, boolean ui) {
        if (master != null) {
            MasterUrl.check(master); // before Spark's classes load: a wrong URL fails in milliseconds
        }
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.ui.enabled", Boolean.toString(ui));
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        conf.setIfMissing("spark.driver.host", "127.0.0.1");
        conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
