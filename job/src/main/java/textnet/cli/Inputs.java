package textnet.cli;

import picocli.CommandLine.Model.CommandSpec;
import textnet.config.DataConfig;
import textnet.io.OutputPlace;
import textnet.io.OutputPlace.Kept;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a command reads, as the places its outputs must keep clear of ({@link OutputPlace}). */
final class Inputs {

    /** {@code hdfs://…}, {@code s3a://…}: another file system, which no local output can overlap. */
    private static final Pattern REMOTE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    private Inputs() {
    }

    /** The config file, the corpus paths {@code data}'s format reads that are local, and the current directory. */
    static List<Kept> of(Path configFile, DataConfig data) {
        List<Kept> kept = new ArrayList<>();
        kept.add(OutputPlace.currentDirectory());
        if (configFile != null) {
            kept.add(new Kept("the config", configFile, false));
        }
        if (data.readsSplitFiles()) {
            add(kept, "data.train", data.train());
            add(kept, "data.test", data.test());
        } else {
            add(kept, "data.path", data.path());
        }
        return kept;
    }

    static List<Kept> plus(List<Kept> kept, Kept... more) {
        List<Kept> all = new ArrayList<>(kept);
        all.addAll(List.of(more));
        return all;
    }

    /** How the command was started, for lock files and scratch folders: {@code textnet train conf/imdb.yaml ...}. */
    static String commandLine(CommandSpec spec) {
        return "textnet " + spec.name() + " " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private static void add(List<Kept> kept, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Path local = localPath(value);
        if (local != null) {
            kept.add(new Kept(key, local, false));
        }
    }

    /** A local file system path, or null for another file system's URI. */
    static Path localPath(String value) {
        if (value.startsWith("file:")) {
            try {
                return Paths.get(URI.create(value));
            } catch (IllegalArgumentException e) {
                return Paths.get(value.substring("file:".length()));
            }
        }
        return REMOTE.matcher(value).matches() ? null : Paths.get(value);
    }
}
