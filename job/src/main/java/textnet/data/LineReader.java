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
 */
final class LineReader {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final String file;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1 << 10];
    private int length;
    private long number;

    /** @param file how messages name the file */
    LineReader(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    /** Reads the next line; false at the end of the stream (a last line without LF is a line). */
    boolean next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++; // the LF
                break;
            }
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (number == 1 && length >= 3 && Arrays.equals(line, 0, 3, UTF8_BOM, 0, 3)) {
            System.arraycopy(line, 3, line, 0, length - 3);
            length -= 3;
        }
        return true;
    }

    private void append(int start, int count) {
        if ((long) length + count > DocumentBytes.MAX_BYTES) {
            throw JobException.input(file + " line " + (number + 1) + " is longer than the "
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

    /** The current line's number, from 1. */
    long number() {
        return number;
    }

    /** The current line as text; {@code repaired} tells whether malformed UTF-8 was replaced. */
    Utf8Text.Decoded text() {
        return Utf8Text.decode(line, 0, length);
    }
}
