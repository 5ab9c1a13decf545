package textnet.cli;

import textnet.JobException;
import textnet.config.JobConfig;

/**
 * {@code --data PATH} of {@code train} and {@code evaluate}: it sets {@code data.path}, which only the
 * corpus formats read (an archive or folder of IMDB or Reuters). The table formats read
 * {@code data.train} and {@code data.test}, so a {@code --data} given with one of them would be
 * ignored without a word. A {@code data.path} from the config file stays harmless: the README has
 * users reuse conf/imdb.yaml with {@code --set data.format=tsv}.
 */
final class DataOption {

    private DataOption() {
    }

    /** Refuses an explicit {@code --data} (non-null) that {@code config}'s format would not read. */
    static void requireReadBy(String data, JobConfig config) {
        String format = config.data().format();
        if (data != null && config.data().readsSplitFiles()) {
            throw JobException.config("--data sets data.path, which the " + format + " format does not read;"
                    + " give data.train and data.test (--set data.train=... --set data.test=...)");
        }
    }
}
