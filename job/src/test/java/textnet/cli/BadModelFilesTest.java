package textnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.io.Npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static textnet.cli.CliChecks.fails;

/**
 * A model folder that fails a check is refused by {@code predict} before any prediction: exit 3,
 * one line naming the file, nothing written to --output. Shape and dtype are checked even when the
 * tampered file was re-signed in model.json, so a matching checksum is not enough.
 */
class BadModelFilesTest {

    @TempDir
    static Path shared;

    private static Path trained;
    private static Path input;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce() throws IOException {
        Path trainFile = Files.writeString(shared.resolve("train.tsv"), TsvAndPredictTest.tsv(100, 1));
        input = Files.writeString(shared.resolve("input.tsv"), TsvAndPredictTest.tsv(10, 2));
        Path run = shared.resolve("run");
        CliChecks.succeeds("train", CliChecks.config(), "--out", run.toString(), "--set", "data.format=tsv",
                "--set", "data.train=" + trainFile, "--set", "data.test=" + trainFile, "--set", "train.epochs=1");
        trained = run.resolve("model");
    }

    /** A fresh copy of the trained model folder for one test to break. */
    private Path model() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("model"));
        try (var files = Files.list(trained)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private void refused(Path model, String... says) {
        Path output = dir.resolve("predictions.csv");
        var before = CliChecks.snapshot(dir);
        fails(3, List.of(says), "predict", "--model", model.toString(), "--input", input.toString(),
                "--output", output.toString());
        CliChecks.unchanged(before, dir);
    }

    @Test
    void missingFile() throws IOException {
        Path model = model();
        Files.delete(model.resolve("layer-0-bias.npy"));
        refused(model, "model file " + model.resolve("layer-0-bias.npy") + " is missing");
    }

    @Test
    void missingModelJson() throws IOException {
        Path model = model();
        Files.delete(model.resolve("model.json"));
        refused(model, "model folder " + model + " has no model.json");
    }

    @Test
    void wrongChecksum() throws IOException {
        Path model = model();
        Files.writeString(model.resolve("vocabulary.txt"), "extra\n", java.nio.file.StandardOpenOption.APPEND);
        refused(model, "model file " + model.resolve("vocabulary.txt") + " does not match its SHA-256");
    }

    @Test
    void wrongFormatVersion() throws IOException {
        Path model = model();
        ObjectNode json = json(model);
        json.put("format_version", 99);
        writeJson(model, json);
        refused(model, model.resolve("model.json") + ": format_version 99 is not supported");
    }

    @Test
    void modelJsonIsNotJson() throws IOException {
        Path model = model();
        Files.writeString(model.resolve("model.json"), "{\"format\": \"textnet-model\", \"layers\": [");
        refused(model, model.resolve("model.json") + " is not valid JSON");
    }

    @Test
    void npyWithWrongShapeEvenWhenResigned() throws IOException {
        Path model = model();
        Path kernel = model.resolve("layer-0-kernel.npy");
        float[] values = Npy.read(kernel, shapeOf(kernel));
        int[] shape = shapeOf(kernel);
        Npy.write(kernel, values, shape[1], shape[0]); // transposed: same size, wrong shape
        resign(model, "layer-0-kernel.npy");
        refused(model, "model file " + kernel + ": shape [" + shape[1] + ", " + shape[0] + "], expected ["
                + shape[0] + ", " + shape[1] + "]");
    }

    @Test
    void npyWithWrongDtypeEvenWhenResigned() throws IOException {
        Path model = model();
        Path bias = model.resolve("layer-1-bias.npy");
        int units = shapeOf(bias)[0];
        writeFloat64(bias, units);
        resign(model, "layer-1-bias.npy");
        refused(model, "model file " + bias + ": dtype <f8, expected float32 '<f4'");
    }

    /**
     * A tf-idf model's idf.npy is checked as the weights are: the trained folder predicts, and once
     * idf.npy is changed the folder is refused with the checksum error, before any prediction.
     */
    @Test
    void tfIdfModelWithATamperedIdf() throws IOException {
        Path trainFile = shared.resolve("train.tsv");
        Path run = dir.resolve("tf-idf-run");
        CliChecks.succeeds("train", CliChecks.config(), "--out", run.toString(), "--set", "data.format=tsv",
                "--set", "data.train=" + trainFile, "--set", "data.test=" + trainFile, "--set", "train.epochs=1",
                "--set", "vectorizer.output-mode=tf-idf");
        Path model = run.resolve("model");
        Path idf = model.resolve("idf.npy");
        org.junit.jupiter.api.Assertions.assertTrue(Files.isRegularFile(idf));
        Path predictions = dir.resolve("tf-idf-predictions.csv");
        CliChecks.succeeds("predict", "--model", model.toString(), "--input", input.toString(),
                "--output", predictions.toString());
        org.junit.jupiter.api.Assertions.assertEquals(11, Files.readAllLines(predictions).size(), "a header and 10 rows");
        Files.delete(predictions);

        byte[] bytes = Files.readAllBytes(idf);
        bytes[bytes.length - 1] ^= 1;
        Files.write(idf, bytes);
        refused(model, "model file " + idf + " does not match its SHA-256");
    }

    /** The shape in a version 1.0 .npy header (little-endian uint16 length at offset 8). */
    private static int[] shapeOf(Path npy) throws IOException {
        byte[] bytes = Files.readAllBytes(npy);
        int length = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        String header = new String(bytes, 10, length, StandardCharsets.ISO_8859_1);
        String dims = header.substring(header.indexOf("'shape': (") + 10, header.indexOf(')'));
        return java.util.Arrays.stream(dims.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }

    /** A valid float64 .npy of zeros, as numpy.save would write it. */
    private static void writeFloat64(Path file, int length) throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + length + ",), }";
        int unpadded = 6 + 2 + 2 + header.length() + 1;
        header = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(10 + h.length + 8 * length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length).put(h);
        Files.write(file, buf.array());
    }

    private static ObjectNode json(Path model) throws IOException {
        return (ObjectNode) new ObjectMapper().readTree(model.resolve("model.json").toFile());
    }

    private static void writeJson(Path model, ObjectNode json) throws IOException {
        new ObjectMapper().writeValue(model.resolve("model.json").toFile(), json);
    }

    /** What an attacker or a careless script would do: put the tampered file's SHA-256 into model.json. */
    private static void resign(Path model, String file) throws IOException {
        ObjectNode json = json(model);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model.resolve(file)));
            ((ObjectNode) json.path("files")).put(file, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        writeJson(model, json);
    }
}
