package textnet.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lines {@code label<TAB>text\n}, as textnet's tsv reader reads them; the text holds no tab or line break. */
final class TsvRows implements RowFile {

    private final OutputStream out;
    private long rows;
    private long textBytes;

    TsvRows(Path file) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
    }

    @Override
    public void row(String label, byte[] text, int length) throws IOException {
        out.write(label.getBytes(StandardCharsets.UTF_8));
        out.write('\t');
        out.write(text, 0, length);
        out.write('\n');
        rows++;
        textBytes += length;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public long textBytes() {
        return textBytes;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
