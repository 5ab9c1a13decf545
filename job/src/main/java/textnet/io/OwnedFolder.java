package textnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import textnet.JobException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folders textnet creates (a run, a checkpoint folder, a Parquet predictions folder) carry a
 * hidden marker file naming what they are. textnet replaces or removes a folder only when it carries
 * the marker of the expected kind <em>and</em> holds nothing but the names textnet writes there: a
 * user's file dropped into an old run makes that run the user's again. Hidden, so Spark and Hadoop
 * readers (which skip names starting with '.' or '_') never see it.
 */
public final class OwnedFolder {

    public static final String MARKER = ".textnet";

    /** What a folder is, and the names textnet writes into it (one level of subfolders). */
    public enum Kind {
        /** {@code train}'s run folder. */
        RUN(name -> Pattern.matches("_SUCCESS|metrics\\.json|history\\.csv|loss\\.png|accuracy\\.png|textnet\\.log", name),
                name -> name.equals("model"),
                name -> Pattern.matches("model\\.json|vocabulary\\.txt|[\\w.-]+\\.npy|[\\w.-]+\\.onnx", name)),
        /** {@code --checkpoints}: complete epochs and the temporary folder of one being written. */
        CHECKPOINTS(name -> false,
                name -> Pattern.matches("epoch-\\d{4,}|\\.tmp-epoch-\\d+", name),
                name -> Pattern.matches("checkpoint\\.json|[\\w.-]+\\.npy", name)),
        /** {@code predict --output X.parquet}: what Spark writes for a Parquet dataset. */
        PREDICTIONS(name -> Pattern.matches("_SUCCESS|\\._SUCCESS\\.crc|part-[\\w.-]+|\\.part-[\\w.-]+\\.crc", name),
                name -> false, name -> false);

        private final Predicate<String> files;
        private final Predicate<String> folders;
        private final Predicate<String> filesInFolders;

        Kind(Predicate<String> files, Predicate<String> folders, Predicate<String> filesInFolders) {
            this.files = files;
            this.folders = folders;
            this.filesInFolders = filesInFolders;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private OwnedFolder() {
    }

    /** Marks a folder textnet has just created as its own. */
    public static void mark(Path dir, Kind kind) {
        mark(dir, kind, true);
    }

    /**
     * Marks a folder as textnet's {@code kind}; {@code created}: whether textnet created it (and so
     * removes it when done with it), or the user gave it empty (textnet then leaves it, empty).
     */
    public static void mark(Path dir, Kind kind, boolean created) {
        try {
            Files.writeString(dir.resolve(MARKER), "{\"kind\": \"" + kind.label() + "\", \"version\": 1, \"created\": "
                    + created + "}\n");
        } catch (IOException e) {
            throw JobException.output("cannot write into " + dir + ": " + e.getMessage());
        }
    }

    /** Whether {@code dir} is a real folder (not a link) carrying {@code kind}'s marker and only textnet's names. */
    public static boolean isOwned(Path dir, Kind kind) {
        return foreignEntry(dir, kind).isEmpty() && hasMarker(dir, kind);
    }

    /**
     * Why textnet may not replace {@code dir} as a {@code kind} folder, or empty when it may: a
     * sentence naming the first thing in it that textnet did not write.
     */
    public static Optional<String> whyNotOwned(Path dir, Kind kind) {
        if (Files.isSymbolicLink(dir)) {
            return Optional.of(dir + " is a symbolic link");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(dir + " is not a folder");
        }
        Optional<String> foreign = foreignEntry(dir, kind);
        if (foreign.isPresent()) {
            return Optional.of(dir + " holds '" + foreign.get() + "', which textnet does not write into a "
                    + kind.label() + " folder");
        }
        if (!hasMarker(dir, kind)) {
            return Optional.of(dir + " has no textnet marker (" + MARKER + ") of a " + kind.label() + " folder");
        }
        return Optional.empty();
    }

    /** Whether {@code dir}'s marker says textnet created it (false without a marker). */
    public static boolean createdByTextnet(Path dir) {
        try {
            JsonNode json = JSON.readTree(dir.resolve(MARKER).toFile());
            return json != null && json.path("created").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code dir} carries {@code kind}'s marker (whatever else it holds). */
    public static boolean hasMarker(Path dir, Kind kind) {
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            JsonNode json = JSON.readTree(marker.toFile());
            return json != null && kind.label().equals(json.path("kind").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** The first entry (relative path) that is not one of {@code kind}'s names, or a link, or not a plain file or folder. */
    private static Optional<String> foreignEntry(Path dir, Kind kind) {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                String name = entry.getFileName().toString();
                if (name.equals(MARKER) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && kind.files.test(name)) {
                    continue;
                }
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && kind.folders.test(name)) {
                    Optional<String> inner = foreignFile(entry, kind);
                    if (inner.isPresent()) {
                        return Optional.of(name + "/" + inner.get());
                    }
                    continue;
                }
                return Optional.of(name);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("(cannot list it: " + e.getMessage() + ")");
        }
    }

    private static Optional<String> foreignFile(Path folder, Kind kind) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(f -> !(Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                            && kind.filesInFolders.test(f.getFileName().toString())))
                    .map(f -> f.getFileName().toString()).sorted().findFirst();
        }
    }
}
