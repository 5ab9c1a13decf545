package textnet.bench;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;

/**
 * One Parquet file with the string columns {@code text} and {@code label} (snappy, as Spark writes by
 * default), streamed with parquet-mr's own writer: one file, no Spark job, and nothing in it that
 * changes from run to run (Spark's writer would name its part files with a random UUID; see
 * {@link #canonicalFooter} for the one thing parquet-mr itself leaves to chance).
 */
final class ParquetRows extends RowFile {

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
            "message review { required binary text (STRING); required binary label (STRING); }");

    private final Path file;
    private final ParquetWriter<Group> writer;
    private final SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);

    ParquetRows(Path file) throws IOException {
        this.file = file;
        writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withDictionaryEncoding("text", false)   // reviews hardly repeat; the labels do
                .build();
    }

    @Override
    void write(String label, byte[] text, int length) throws IOException {
        writer.write(groups.newGroup()
                .append("text", Binary.fromConstantByteArray(Arrays.copyOf(text, length)))
                .append("label", label));
    }

    @Override
    public void close() throws IOException {
        writer.close();
        canonicalFooter(file);
    }

    /**
     * parquet-mr lists each column chunk's encodings from a {@code HashSet} of enum constants, whose
     * order follows identity hash codes and so changes between JVM runs ({@code [BIT_PACKED,
     * PLAIN_DICTIONARY]} in one, the reverse in the next): the only bytes of the file that differ. This
     * sorts those lists (and the page encoding statistics) by their Thrift values and writes the footer
     * back in place; it has the same elements, so the same length, and the data pages do not move.
     */
    static void canonicalFooter(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(tail, channel.size() - 8);
            int length = tail.getInt(0);
            long start = channel.size() - 8 - length;
            ByteBuffer footer = ByteBuffer.allocate(length);
            channel.read(footer, start);
            FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
            for (RowGroup group : metadata.getRow_groups()) {
                for (ColumnChunk chunk : group.getColumns()) {
                    ColumnMetaData column = chunk.getMeta_data();
                    column.getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
                    if (column.getEncoding_stats() != null) {
                        column.getEncoding_stats().sort(Comparator.<PageEncodingStats>comparingInt(s -> s.getPage_type().getValue())
                                .thenComparingInt(s -> s.getEncoding().getValue()));
                    }
                }
            }
            ByteArrayOutputStream rewritten = new ByteArrayOutputStream(length);
            Util.writeFileMetaData(metadata, rewritten);
            if (rewritten.size() != length) {
                throw new IOException(file + ": the sorted Parquet footer has " + rewritten.size()
                        + " bytes instead of " + length);
            }
            channel.write(ByteBuffer.wrap(rewritten.toByteArray()), start);
        }
    }
}
