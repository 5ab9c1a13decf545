package textnet.data;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Splits cut anywhere share out every line of a file exactly once, each with its offset and number. */
class LineReaderSplitTest {

    private record Line(long start, long number, String text) {
    }

    private static List<Line> read(byte[] file, long start, long end) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(file);
        in.skip(Math.max(0, start - 1));
        LineReader lines = LineReader.ofSplit(in, "f", start, end, offset -> {
            long n = 0;
            for (int i = 0; i < offset; i++) {
                n += file[i] == '\n' ? 1 : 0;
            }
            return n;
        });
        List<Line> out = new ArrayList<>();
        while (lines.next()) {
            out.add(new Line(lines.lineStart(), lines.number(),
                    new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void everyLineOnceWhereverTheFileIsCut() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            int count = random.nextInt(0, 30);
            for (int i = 0; i < count; i++) {
                sb.append("x".repeat(random.nextInt(0, 12))).append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            }
            if (random.nextBoolean()) {
                sb.append("last line without a break");
            }
            byte[] file = sb.toString().getBytes(StandardCharsets.UTF_8);
            List<Line> whole = read(file, 0, Long.MAX_VALUE);
            int size = random.nextInt(1, 20);
            List<Line> pieces = new ArrayList<>();
            for (long start = 0; start < Math.max(1, file.length); start += size) {
                pieces.addAll(read(file, start, start + size >= file.length ? Long.MAX_VALUE : start + size));
            }
            assertEquals(whole, pieces, "split size " + size + " of " + sb);
        }
    }
}
