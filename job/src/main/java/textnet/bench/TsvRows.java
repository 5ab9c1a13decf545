package textnet.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lines {@code label<TAB>text\n}, as textnet's tsv reader reads them; the text holds no tab or line break. */
final class TsvRows extends RowFile {

    private final OutputStream out;

    TsvRows(Path file) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
    }

    @Override
    void write(String label, byte[] text, int length) throws IOException {
        out.write(label.getBytes(StandardCharsets.UTF_8));
        out.write('\t');
        out.write(text, 0, length);
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
