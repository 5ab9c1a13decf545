package textnet.data;

import textnet.JobException;

import java.io.IOException;
import java.util.Arrays;

/**
 * RFC 4180 records, parsed from the bytes of a {@link LineReader}: fields separated by commas, a
 * field in double quotes may hold commas, line breaks and quotes doubled ({@code ""}). Blank lines
 * between records are skipped; a quote inside an unquoted field is kept as written, as Spark does.
 *
 * <p>Written here rather than taken from univocity-parsers (Spark's CSV parser): an unterminated quote
 * at the end of a file is silently accepted there (the rest of the file becomes one field), the start
 * line of a bad field is not reported (only where the parser noticed), and it decodes characters before
 * parsing, so which row held malformed UTF-8 is lost. Here the structure is read from bytes (the
 * characters that matter are ASCII), every error names the line where the bad field starts, and each
 * field is decoded on its own.
 */
final class CsvRecords {

    private final LineReader lines;
    private final String file;
    private byte[] record = new byte[1 << 10];
    private int recordLength;
    private int[] fieldEnds = new int[16];
    private int fields;
    private long line;

    CsvRecords(LineReader lines, String file) {
        this.lines = lines;
        this.file = file;
    }

    /** Reads the next record; false at the end of the file. */
    boolean next() throws IOException {
        do {
            if (!lines.next()) {
                return false;
            }
        } while (lines.length() == 0);
        line = lines.number();
        recordLength = 0;
        fields = 0;
        byte[] b = lines.bytes();
        int n = lines.length();
        int i = 0;
        while (true) {
            if (i < n && b[i] == '"') {
                long opened = lines.number();
                i++;
                while (true) {
                    if (i == n) { // the quoted field goes on in the next line
                        if (!lines.next()) {
                            throw JobException.input(file + " line " + opened + ": a quoted field starts on this line"
                                    + " and is never closed (a '\"' is missing)");
                        }
                        append((byte) '\n');
                        b = lines.bytes();
                        n = lines.length();
                        i = 0;
                    } else if (b[i] != '"') {
                        int run = i;
                        while (i < n && b[i] != '"') {
                            i++;
                        }
                        append(b, run, i - run);
                    } else if (i + 1 < n && b[i + 1] == '"') {
                        append((byte) '"');
                        i += 2;
                    } else {
                        i++; // the closing quote: a comma or the end of the record must follow
                        if (i < n && b[i] != ',') {
                            throw JobException.input(file + " line " + opened + ": a quoted field starting on this line"
                                    + " has a '\"' inside it that is not doubled ('\"\"'), or its closing '\"' is missing");
                        }
                        break;
                    }
                }
            } else {
                int run = i;
                while (i < n && b[i] != ',') {
                    i++;
                }
                append(b, run, i - run);
            }
            endField();
            if (i == n) {
                return true;
            }
            i++; // the comma
        }
    }

    /** The line the current record starts on, from 1. */
    long line() {
        return line;
    }

    int fieldCount() {
        return fields;
    }

    Utf8Text.Decoded field(int index) {
        int start = index == 0 ? 0 : fieldEnds[index - 1];
        return Utf8Text.decode(record, start, fieldEnds[index] - start);
    }

    private void endField() {
        if (fields == fieldEnds.length) {
            fieldEnds = Arrays.copyOf(fieldEnds, fields * 2);
        }
        fieldEnds[fields++] = recordLength;
    }

    private void append(byte b) {
        ensure(1);
        record[recordLength++] = b;
    }

    private void append(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, record, recordLength, count);
        recordLength += count;
    }

    private void ensure(int more) {
        if ((long) recordLength + more > DocumentBytes.MAX_BYTES) {
            throw JobException.input(file + " line " + line + ": a record longer than the "
                    + String.format(java.util.Locale.ROOT, "%,d bytes (%d MiB)", DocumentBytes.MAX_BYTES,
                    DocumentBytes.MAX_BYTES >> 20) + " a document may have (a quote that is never closed?)");
        }
        if (recordLength + more > record.length) {
            record = Arrays.copyOf(record, (int) Math.min(Math.max(record.length * 2L, recordLength + more),
                    Integer.MAX_VALUE - 8));
        }
    }
}
