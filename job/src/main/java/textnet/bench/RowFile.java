package textnet.bench;

import java.io.Closeable;

/** A file {@link ScaleRows} streams into, counting the rows and the UTF-8 bytes of their text. */
interface RowFile extends ScaleRows.Sink, Closeable {

    long rows();

    long textBytes();
}
