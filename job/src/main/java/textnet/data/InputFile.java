package textnet.data;

import org.apache.hadoop.fs.Path;

import java.io.Serializable;
import java.net.URI;

/**
 * A file the driver listed and checked, for a task to read: its URI (exactly what was checked: for a
 * local link, its target), how messages name it (the user's value, or a path inside the corpus
 * folder) and its length when listed.
 */
record InputFile(String uri, String name, long length) implements Serializable {

    static InputFile of(Path path, String name, long length) {
        return new InputFile(path.toUri().toString(), name, length);
    }

    Path path() {
        return new Path(URI.create(uri));
    }
}
