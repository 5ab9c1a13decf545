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
 */
public final class Checkpoints {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String PREFIX = "epoch-";

    private final Path dir;
    private final String configHash;

    public Checkpoints(Path dir, JobConfig config) {
        this.dir = dir;
        this.configHash = hash(config);
    }

    public Path dir() {
        return dir;
    }

    public void save(Progress progress) {
        int epoch = progress.epoch();
        TrainingState state = progress.state();
        List<EpochRecord> history = progress.history();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempDirectory(dir, ".tmp-" + PREFIX);
            Npy.write(tmp.resolve("parameters.npy"), state.parameters(), state.parameters().length);
            Npy.write(tmp.resolve("optimizer-state.npy"), state.optimizerState(), state.optimizerState().length);
            ObjectNode json = JSON.createObjectNode();
            json.put("epoch", epoch).put("iteration", state.iteration()).put("config_sha256", configHash)
                    .put("parameters", state.parameters().length).put("optimizer_state", state.optimizerState().length);
            json.set("history", JSON.valueToTree(history));
            JSON.writeValue(tmp.resolve("checkpoint.json").toFile(), json);
            Path target = dir.resolve(String.format("%s%04d", PREFIX, epoch));
            if (Files.exists(target)) {
                RunDirectory.deleteTree(target);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            for (Path older : complete()) {
                if (!older.equals(target)) {
                    RunDirectory.deleteTree(older);
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

    /** Removes the folder once the run it belongs to has been published. */
    public void discard() {
        RunDirectory.deleteTree(dir);
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
