package textnet.bench;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One Parquet file with the string columns {@code text} and {@code label} (snappy, as Spark writes by
 * default), streamed with parquet-mr's own writer: one file, no Spark job, and nothing in it that
 * changes from run to run (Spark's writer would name its part files with a random UUID).
 */
final class ParquetRows implements RowFile {

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
            "message review { required binary text (STRING); required binary label (STRING); }");

    private final ParquetWriter<Group> writer;
    private final SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    private long rows;
    private long textBytes;

    ParquetRows(Path file) throws IOException {
        writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withDictionaryEncoding("text", false)   // reviews hardly repeat; the labels do
                .build();
    }

    @Override
    public void row(String label, byte[] text, int length) throws IOException {
        writer.write(groups.newGroup()
                .append("text", Binary.fromConstantByteArray(Arrays.copyOf(text, length)))
                .append("label", label));
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
        writer.close();
    }
}
