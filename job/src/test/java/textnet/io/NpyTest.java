package textnet.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import textnet.JobException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {

    @TempDir
    Path dir;

    @Test
    void writesWhatNumpyExpectsAndReadsItBack() throws Exception {
        Path f = dir.resolve("w.npy");
        float[] values = {1f, -2.5f, 3.25f, 0f, Float.MIN_VALUE, 1e30f};
        Npy.write(f, values, 2, 3);
        byte[] bytes = Files.readAllBytes(f);
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[6], "version 1.0");
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLength) % 64, "data aligned to 64 bytes");
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertTrue(header.endsWith("\n"));
        assertEquals(10 + headerLength + 4 * values.length, bytes.length);
        // little-endian float32: 1.0f = 0x3F800000
        assertArrayEquals(new byte[]{0, 0, (byte) 0x80, 0x3F}, java.util.Arrays.copyOfRange(bytes, 10 + headerLength, 14 + headerLength));
        assertArrayEquals(values, Npy.read(f, 2, 3));
    }

    @Test
    void oneDimensionalShapeHasTrailingComma() throws Exception {
        Path f = dir.resolve("b.npy");
        Npy.write(f, new float[]{1, 2, 3}, 3);
        assertTrue(Files.readString(f, StandardCharsets.ISO_8859_1).contains("'shape': (3,)"));
        assertArrayEquals(new float[]{1, 2, 3}, Npy.read(f, 3));
    }

    @Test
    void wrongShapeDtypeOrBytesAreRefused() throws Exception {
        Path f = dir.resolve("w.npy");
        Npy.write(f, new float[6], 2, 3);
        assertTrue(assertThrows(JobException.class, () -> Npy.read(f, 3, 2)).getMessage().contains("shape [2, 3]"));
        String h = Files.readString(f, StandardCharsets.ISO_8859_1).replace("<f4", "<f8");
        Files.writeString(f, h, StandardCharsets.ISO_8859_1);
        assertTrue(assertThrows(JobException.class, () -> Npy.read(f, 2, 3)).getMessage().contains("<f8"));
        Files.writeString(f, "not numpy");
        assertTrue(assertThrows(JobException.class, () -> Npy.read(f, 2, 3)).getMessage().contains("not a .npy"));
    }
}
