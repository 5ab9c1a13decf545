package textnet.data;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of one table file, read on demand inside a task (a file is never held whole). A file that
 * cannot be read midway (a truncated .gz, a failing disk) is an input error naming it.
 */
abstract class TableRowReader implements Iterator<TableRow> {

    private final String key;
    private final String file;
    private TableRow next;
    private boolean done;

    /** @param key the config key (or option) that named the file, for messages; @param file its name */
    TableRowReader(String key, String file) {
        this.key = key;
        this.file = file;
    }

    /** The next row, or null at the end of the file. */
    protected abstract TableRow read() throws IOException;

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            try {
                next = read();
            } catch (IOException e) {
                throw DocumentBytes.unreadable(key, file, e);
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final TableRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TableRow row = next;
        next = null;
        return row;
    }
}
