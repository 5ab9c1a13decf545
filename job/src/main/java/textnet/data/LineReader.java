package textnet.data;

import textnet.JobException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a text stream as bytes (the caller decodes what it keeps), ended by LF or CRLF and
 * counted from 1 as editors count them. A UTF-8 byte-order mark before the first line is skipped. A
 * line longer than {@link DocumentBytes#MAX_BYTES} is refused: a file without line breaks would
 * otherwise be held whole.
 *
 * <p>A reader of a split ({@link #ofSplit}) reads the lines that start in {@code [start, end)} of its
 * file, so that splits cut anywhere share out every line exactly once. It knows where each line
 * starts in the file ({@link #lineStart()}); its line number only by counting the file's earlier
 * lines, which it does on demand (for an error message).
 */
final class LineReader {

    /** Counts the lines of a file before a byte offset: what a split's reader needs for a line number. */
    @FunctionalInterface
    interface LinesBefore {
        long count(long offset) throws IOException;
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final String file;
    private final byte[] buffer = new byte[1 << 16];
    private int bufferPosition;
    private int limit;
    private byte[] line = new byte[1 << 10];
    private int length;
    /** Lines read (whole-file reader), or -1: not known without counting (a split's reader). */
    private long number;
    /** Where the next unread byte is in the file, where the current line starts, where the split ends. */
    private long position;
    private long lineStart;
    private final long end;
    private final LinesBefore linesBefore;

    /** A whole stream; @param file how messages name the file */
    LineReader(InputStream in, String file) {
        this(in, file, 0, Long.MAX_VALUE, null);
    }

    private LineReader(InputStream in, String file, long position, long end, LinesBefore linesBefore) {
        this.in = in;
        this.file = file;
        this.position = position;
        this.end = end;
        this.linesBefore = linesBefore;
        this.number = linesBefore == null || position == 0 && end == Long.MAX_VALUE ? 0 : -1;
    }

    /**
     * The lines that start in {@code [start, end)} of a file: {@code in} must be positioned at
     * {@code start - 1} (at 0 when {@code start} is 0). The line under way at {@code start} belongs to
     * the split before, which reads on past its end to finish it.
     */
    static LineReader ofSplit(InputStream in, String file, long start, long end, LinesBefore linesBefore)
            throws IOException {
        if (start == 0) {
            LineReader reader = new LineReader(in, file, 0, end, linesBefore);
            reader.number = 0;
            return reader;
        }
        LineReader reader = new LineReader(in, file, start - 1, end, linesBefore);
        int previous = reader.read();
        while (previous >= 0 && previous != '\n') {
            previous = reader.read();
        }
        return reader;
    }

    /** One byte, or -1 at the end of the stream. */
    private int read() throws IOException {
        if (bufferPosition == limit && !fill()) {
            return -1;
        }
        position++;
        return buffer[bufferPosition++] & 0xff;
    }

    private boolean fill() throws IOException {
        limit = in.read(buffer, 0, buffer.length);
        bufferPosition = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }

    /** Reads the next line; false at the end of the stream or the split (a last line without LF is a line). */
    boolean next() throws IOException {
        lineStart = position;
        if (lineStart >= end) {
            return false;
        }
        length = 0;
        boolean any = false;
        while (true) {
            if (bufferPosition == limit && !fill()) {
                if (!any) {
                    return false;
                }
                break;
            }
            any = true;
            int start = bufferPosition;
            while (bufferPosition < limit && buffer[bufferPosition] != '\n') {
                bufferPosition++;
            }
            append(start, bufferPosition - start);
            position += bufferPosition - start;
            if (bufferPosition < limit) {
                bufferPosition++; // the LF
                position++;
                break;
            }
        }
        if (number >= 0) {
            number++;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (lineStart == 0 && length >= 3 && Arrays.equals(line, 0, 3, UTF8_BOM, 0, 3)) {
            System.arraycopy(line, 3, line, 0, length - 3);
            length -= 3;
        }
        return true;
    }

    private void append(int start, int count) {
        if ((long) length + count > DocumentBytes.MAX_BYTES) {
            throw JobException.input(file + " line " + numberOrOffset() + " is longer than the "
                    + String.format(java.util.Locale.ROOT, "%,d bytes (%d MiB)", DocumentBytes.MAX_BYTES,
                    DocumentBytes.MAX_BYTES >> 20) + " a document may have");
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(Math.max(line.length * 2L, length + count), Integer.MAX_VALUE - 8));
        }
        System.arraycopy(buffer, start, line, length, count);
        length += count;
    }

    /** The current line's bytes, valid until the next call of {@link #next()}. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** Where the current line starts in the file, in bytes. */
    long lineStart() {
        return lineStart;
    }

    /** The current line's number, from 1 (a split's reader counts the file's earlier lines for it). */
    long number() throws IOException {
        if (number < 0) {
            number = linesBefore.count(lineStart) + 1;
        }
        return number;
    }

    /**
     * {@link #number()} for a message that may never be shown (a lambda's): a split's reader counts
     * the file's earlier lines only when a message needs them, which every row's would otherwise do.
     */
    long numberForMessage() {
        try {
            return number();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** For a message about a line still being read: its number when known, else where it starts. */
    private String numberOrOffset() {
        return number >= 0 ? Long.toString(number + 1) : "starting at byte " + lineStart;
    }

    /** The current line as text; {@code repaired} tells whether malformed UTF-8 was replaced. */
    Utf8Text.Decoded text() {
        return Utf8Text.decode(line, 0, length);
    }
}
