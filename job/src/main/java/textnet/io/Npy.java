package textnet.io;

import textnet.JobException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format, version 1.0, for float32 little-endian C-order arrays only: what
 * {@code numpy.load} reads without pickle, so a Python user can rebuild the network in Keras.
 * See numpy.lib.format: magic, version, a little-endian uint16 header length, a Python dict
 * literal padded with spaces to a 64-byte boundary and ended by a newline, then the raw data.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '([^']*)', 'fortran_order': (True|False), 'shape': \\(([0-9, ]*)\\), \\}\\s*");

    private Npy() {
    }

    public static void write(Path file, float[] values, int... shape) throws IOException {
        long count = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        if (count != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length);
        }
        String dims = shape.length == 1 ? shape[0] + "," : String.join(", ",
                Arrays.stream(shape).mapToObj(Integer::toString).toList());
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
        int unpadded = MAGIC.length + 2 + 2 + header.length() + 1;
        header.append(" ".repeat((64 - unpadded % 64) % 64)).append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + h.length + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
        buf.asFloatBuffer().put(values);
        Files.write(file, buf.array());
    }

    /** Reads a float32 array and checks that its shape is {@code expected}. */
    public static float[] read(Path file, int... expected) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw bad(file, "not a .npy file");
        }
        int major = bytes[6];
        int headerLength;
        int dataStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(buf.getShort(8));
            dataStart = 10 + headerLength;
        } else if (major == 2 || major == 3) {
            headerLength = buf.getInt(8);
            dataStart = 12 + headerLength;
        } else {
            throw bad(file, "unsupported .npy version " + major);
        }
        if (dataStart > bytes.length) {
            throw bad(file, "truncated header");
        }
        String header = new String(bytes, dataStart - headerLength, headerLength, StandardCharsets.ISO_8859_1);
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            throw bad(file, "unreadable header " + header.trim());
        }
        if (!m.group(1).equals("<f4")) {
            throw bad(file, "dtype " + m.group(1) + ", expected float32 '<f4'");
        }
        if (m.group(2).equals("True")) {
            throw bad(file, "Fortran order is not supported");
        }
        int[] shape = Arrays.stream(m.group(3).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        if (!Arrays.equals(shape, expected)) {
            throw bad(file, "shape " + Arrays.toString(shape) + ", expected " + Arrays.toString(expected));
        }
        int count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (bytes.length - dataStart != 4L * count) {
            throw bad(file, "holds " + (bytes.length - dataStart) + " data bytes, expected " + 4L * count);
        }
        float[] values = new float[count];
        buf.position(dataStart);
        buf.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private static JobException bad(Path file, String what) {
        return JobException.input("model file " + file + ": " + what);
    }
}
