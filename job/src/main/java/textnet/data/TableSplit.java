package textnet.data;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one task reads of a table: a whole file, or for a large uncompressed tsv or jsonl file of
 * training rows a range of {@value #BYTES} bytes of it (the lines that start there: see
 * {@link LineReader#ofSplit}), so that one big file is tokenized by as many tasks as it has ranges.
 * CSV is read whole (a quoted field may hold line breaks, so a range cannot tell where records
 * start), and so is a compressed file (gzip cannot be cut). {@code fileIndex} is the file's place in
 * its input's sorted list: the high bits of every row's key.
 */
record TableSplit(int fileIndex, InputFile file, long start, long end) implements Serializable {

    /** 64 MiB: Hadoop's usual split, a few seconds of one core's tokenizing. */
    static final long BYTES = 64L << 20;

    /** Bits of a row's key that hold its place in its file (a byte offset: files up to 1 TiB). */
    static final int FILE_SHIFT = 40;

    boolean whole() {
        return start == 0 && end == Long.MAX_VALUE;
    }

    /** @param byRange whether the format and use allow ranges (line-based, training rows) */
    static List<TableSplit> of(List<InputFile> files, boolean byRange, Configuration conf) {
        List<TableSplit> splits = new ArrayList<>();
        CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
        for (int i = 0; i < files.size(); i++) {
            InputFile f = files.get(i);
            if (!byRange || f.length() <= BYTES || codecs.getCodec(f.path()) != null) {
                splits.add(new TableSplit(i, f, 0, Long.MAX_VALUE));
                continue;
            }
            for (long start = 0; start < f.length(); start += BYTES) {
                splits.add(new TableSplit(i, f, start, start + BYTES >= f.length() ? Long.MAX_VALUE : start + BYTES));
            }
        }
        return splits;
    }

    /** A row's key in its input: the file's index above the row's place in its file. */
    long keyOf(long inFile) {
        return ((long) fileIndex << FILE_SHIFT) | inFile;
    }

    /** "3:1048576": the file's index and the row's place in it. */
    static String idOf(long key) {
        return (key >>> FILE_SHIFT) + ":" + (key & ((1L << FILE_SHIFT) - 1));
    }

    /** The lines of {@code file} before byte {@code offset} (for a split's line numbers in messages). */
    static long linesBefore(InputFile file, Configuration conf, String key, long offset) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = DocumentBytes.open(file, conf, key)) {
            long left = offset;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                left -= n;
            }
        }
        return lines;
    }
}
