package textnet.data;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * A split of a TSV file reads its rows without counting the lines before it (that reads the file
     * from its start: every split doing it made a big file's reading quadratic); a message about a bad
     * line still names its number in the file, multi-label sets included.
     */
    @Test
    void aSplitCountsEarlierLinesOnlyForAMessage() throws IOException {
        byte[] good = "pos\ta fine review\nneg\tanother one\npos|neg\tboth\n".getBytes(StandardCharsets.UTF_8);
        for (boolean multiLabel : new boolean[] {false, true}) {
            int[] counted = new int[1];
            List<TableRow> rows = new ArrayList<>();
            TsvRows reader = tsvSplit(good, 4, counted, multiLabel);
            reader.forEachRemaining(rows::add);
            assertEquals(2, rows.size(), "the split's rows: those whose lines start after byte 4");
            assertEquals(0, counted[0], "no line numbers wanted, none counted");
        }
        byte[] bad = "pos\tfine\nneg\tfine too\nno tab here\n".getBytes(StandardCharsets.UTF_8);
        int[] counted = new int[1];
        TsvRows reader = tsvSplit(bad, 4, counted, false);
        textnet.JobException e = assertThrows(textnet.JobException.class, () -> reader.forEachRemaining(r -> { }));
        assertTrue(e.getMessage().startsWith("f.tsv line 3: no tab"), e.getMessage());
        assertEquals(1, counted[0], "counted once, for the message");
        byte[] badSet = "pos\tfine\nneg\tfine too\npos||neg\tan empty class\n".getBytes(StandardCharsets.UTF_8);
        TsvRows sets = tsvSplit(badSet, 4, counted, true);
        e = assertThrows(textnet.JobException.class, () -> sets.forEachRemaining(r -> { }));
        assertTrue(e.getMessage().startsWith("f.tsv line 3: an empty class name"), e.getMessage());
    }

    /** Labelled TSV rows of {@code file} from byte {@code start} on; {@code counted[0]} counts the line counts. */
    private static TsvRows tsvSplit(byte[] file, long start, int[] counted, boolean multiLabel) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(file);
        in.skip(start - 1);
        LineReader lines = LineReader.ofSplit(in, "f.tsv", start, Long.MAX_VALUE, offset -> {
            counted[0]++;
            long n = 0;
            for (int i = 0; i < offset; i++) {
                n += file[i] == '\n' ? 1 : 0;
            }
            return n;
        });
        return new TsvRows(lines, "train", "f.tsv", new TableColumns("text", "label", multiLabel));
    }
}
