package textnet.bench;

import java.io.Closeable;
import java.io.IOException;

/** A file {@link ScaleRows} streams into, counting the rows and the UTF-8 bytes of their text. */
abstract class RowFile implements ScaleRows.Sink, Closeable {

    private long rows;
    private long textBytes;

    @Override
    public final void row(String label, byte[] text, int length) throws IOException {
        write(label, text, length);
        rows++;
        textBytes += length;
    }

    /** Writes one row in the file's format: its label and {@code text[0, length)}. */
    abstract void write(String label, byte[] text, int length) throws IOException;

    final long rows() {
        return rows;
    }

    final long textBytes() {
        return textBytes;
    }
}
