package textnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import textnet.JobException;
import textnet.config.ConfigLoader;
import textnet.config.JobConfig;
import textnet.train.EpochRecord;
import textnet.train.Progress;
import textnet.train.TrainingState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The driver's state after each epoch, so that a run whose driver died continues where it stopped
 * ({@code train --resume DIR}): {@code DIR/epoch-0003/} holds {@code checkpoint.json} (epoch,
 * iteration, history, the SHA-256 of the config) and the parameters and optimizer state as float32
 * {@code .npy}. Each is written to a temporary folder and renamed, so a folder with its final name is
 * complete; once it is, the older ones are removed: the newest complete one is the one resumed.
 * No Java serialization.
 *
 * <p>The folder is textnet's ({@link OwnedFolder.Kind#CHECKPOINTS}): {@link #open} refuses a
 * non-empty folder that is not, holds its {@link OutputLock} for the run, and {@link #discard}
 * removes only what textnet wrote, and the folder itself only if this run created it.
 */
public final class Checkpoints implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String PREFIX = "epoch-";
    private static final String TMP_PREFIX = ".tmp-" + PREFIX;

    private final Path dir;
    private final String configHash;
    private final boolean createdHere;
    private final OutputLock lock;

    /** The folder's files without ownership checks or a lock (tests of the format). */
    public Checkpoints(Path dir, JobConfig config) {
        this(dir, config, !Files.exists(dir), null);
    }

    private Checkpoints(Path dir, JobConfig config, boolean createdHere, OutputLock lock) {
        this.dir = dir;
        this.configHash = hash(config);
        this.createdHere = createdHere;
        this.lock = lock;
    }

    /**
     * The checkpoint folder of a run, locked for it.
     *
     * @param option  the flag that named it, for messages ({@code --checkpoints}, {@code --resume})
     * @param kept    what it must keep clear of (inputs, the current directory, the run folder)
     * @param resuming whether the run continues from it (then it must hold textnet's checkpoints)
     * @throws JobException (output) when it is a non-empty folder that is not textnet's, or is in use;
     *                      (input) when resuming from a folder that is not a checkpoint folder
     */
    public static Checkpoints open(Path dir, String option, JobConfig config, List<OutputPlace.Kept> kept,
                                   boolean resuming, ProcessOwner me) {
        Path target = dir.toAbsolutePath().normalize();
        OutputPlace.requireApart(option, dir, kept);
        OutputLock lock = OutputLock.acquire(target, "checkpoint folder " + dir, me);
        try {
            boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (exists && (resuming || !isEmptyFolder(target))) {
                Optional<String> why = OwnedFolder.whyNotOwned(target, OwnedFolder.Kind.CHECKPOINTS);
                if (why.isPresent() && resuming) {
                    throw JobException.input(option + " " + dir + " is not a textnet checkpoint folder: " + why.get());
                }
                if (why.isPresent()) {
                    throw JobException.output(option + " " + dir + " is not empty and not a textnet checkpoint"
                            + " folder (" + why.get() + "); textnet writes checkpoints only into an empty folder or"
                            + " its own: choose another path");
                }
            }
            // a folder of ours from an earlier (killed) run was created by textnet too: removed when done
            Checkpoints checkpoints = new Checkpoints(target, config,
                    !exists || OwnedFolder.createdByTextnet(target), lock);
            checkpoints.removeUnfinished();
            return checkpoints;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Path dir() {
        return dir;
    }

    public void save(Progress progress) {
        int epoch = progress.epoch();
        TrainingState state = progress.state();
        List<EpochRecord> history = progress.history();
        try {
            if (!Files.exists(dir.resolve(OwnedFolder.MARKER), LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir);
                OwnedFolder.mark(dir, OwnedFolder.Kind.CHECKPOINTS, createdHere);
            }
            Path tmp = Files.createTempDirectory(dir, TMP_PREFIX);
            Npy.write(tmp.resolve("parameters.npy"), state.parameters(), state.parameters().length);
            Npy.write(tmp.resolve("optimizer-state.npy"), state.optimizerState(), state.optimizerState().length);
            ObjectNode json = JSON.createObjectNode();
            json.put("epoch", epoch).put("iteration", state.iteration()).put("config_sha256", configHash)
                    .put("parameters", state.parameters().length).put("optimizer_state", state.optimizerState().length);
            json.set("history", JSON.valueToTree(history));
            JSON.writeValue(tmp.resolve("checkpoint.json").toFile(), json);
            Path target = dir.resolve(String.format(java.util.Locale.ROOT, "%s%04d", PREFIX, epoch));
            if (Files.exists(target)) {
                FileTrees.delete(target);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            for (Path older : complete()) {
                if (!older.equals(target)) {
                    FileTrees.delete(older);
                }
            }
        } catch (IOException e) {
            throw JobException.output("cannot write a checkpoint into " + dir + ": " + e.getMessage());
        }
    }

    /** The newest complete checkpoint, refused if it was made with another config. */
    public Optional<Progress> latest() {
        List<Path> complete = complete();
        if (complete.isEmpty()) {
            return Optional.empty();
        }
        Path newest = complete.get(complete.size() - 1);
        try {
            JsonNode json = JSON.readTree(newest.resolve("checkpoint.json").toFile());
            if (!configHash.equals(json.path("config_sha256").asText())) {
                throw JobException.config("checkpoint " + newest + " was made with another config"
                        + " (config SHA-256 " + json.path("config_sha256").asText() + ", this run's " + configHash
                        + "); resume with the config it was made with, or start a new run");
            }
            float[] params = Npy.read(newest.resolve("parameters.npy"), json.path("parameters").asInt());
            float[] state = Npy.read(newest.resolve("optimizer-state.npy"), json.path("optimizer_state").asInt());
            List<EpochRecord> history = new ArrayList<>();
            for (JsonNode h : json.path("history")) {
                history.add(JSON.treeToValue(h, EpochRecord.class));
            }
            return Optional.of(new Progress(json.path("epoch").asInt(),
                    new TrainingState(params, state, json.path("iteration").asLong()), history));
        } catch (IOException e) {
            throw JobException.input("checkpoint " + newest + " cannot be read: " + e.getMessage());
        }
    }

    /** The complete checkpoint folders, oldest first. */
    private List<Path> complete() {
        try (Stream<Path> entries = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            return entries.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d{4,}") && Files.isDirectory(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw JobException.input("cannot list checkpoints in " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Once the run it belongs to has been published: removes the checkpoints and the marker, and the
     * folder itself if this run created it (a folder the user made stays, empty).
     */
    public void discard() {
        removeUnfinished();
        complete().forEach(FileTrees::delete);
        try {
            Files.deleteIfExists(dir.resolve(OwnedFolder.MARKER));
            if (createdHere && isEmptyFolder(dir)) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw JobException.output("cannot remove the checkpoint folder " + dir + ": " + e.getMessage());
        }
    }

    /** Unlocks the folder (a run that failed keeps its checkpoints for --resume). */
    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
    }

    /** Half-written checkpoints of a run that was killed while saving one. */
    private void removeUnfinished() {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> p.getFileName().toString().startsWith(TMP_PREFIX)).forEach(FileTrees::deleteQuietly);
        } catch (IOException e) {
            throw JobException.output("cannot list the checkpoint folder " + dir + ": " + e.getMessage());
        }
    }

    private static boolean isEmptyFolder(Path p) {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(p)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** SHA-256 of the config as saved (kebab-case YAML keys), with the keys that do not change the math removed. */
    static String hash(JobConfig config) {
        ObjectNode tree = (ObjectNode) ConfigLoader.toTree(config);
        tree.remove("name");
        ((ObjectNode) tree.path("train")).remove("epochs"); // resuming may extend a run
        try {
            byte[] bytes = ConfigLoader.mapper().writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
