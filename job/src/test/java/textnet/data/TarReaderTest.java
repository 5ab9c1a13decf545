package textnet.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tar walk against commons-compress's own reader, on archives using each header kind. */
class TarReaderTest {

    private static final String LONG = "aclImdb/train/pos/" + "a-very-long-review-name-".repeat(8) + "0_9.txt";

    /** What a reader saw: each entry's name, type, size and (for files) content. */
    private record Seen(String name, byte type, long size, String content) {
    }

    @Test
    void readsWhatCommonsCompressReadsWithGnuAndPaxLongNames() throws IOException {
        for (int mode : new int[]{TarArchiveOutputStream.LONGFILE_GNU, TarArchiveOutputStream.LONGFILE_POSIX}) {
            byte[] tar = tar(mode, true);
            List<Seen> reference = withCommonsCompress(tar);
            assertEquals(reference, withTarReader(tar, true));
            assertTrue(reference.stream().anyMatch(s -> s.name().equals(LONG)), "the long name is in the reference");
            assertEquals(7, reference.size());
        }
    }

    @Test
    void skippingEntriesLandsOnTheNextHeader() throws IOException {
        byte[] tar = tar(TarArchiveOutputStream.LONGFILE_POSIX, true);
        List<String> names = withTarReader(tar, false).stream().map(Seen::name).toList();
        assertEquals(withCommonsCompress(tar).stream().map(Seen::name).toList(), names);
    }

    @Test
    void aGlobalPaxHeaderAppliesToTheEntriesAfterItAndALocalEmptyValueRemovesIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        paxHeader(bytes, TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER, "uname=global");
        bytes.write(tarOf("a.txt", "first"));
        paxHeader(bytes, TarConstants.LF_PAX_EXTENDED_HEADER_LC, "uname=");
        bytes.write(tarOf("b.txt", "second"));
        bytes.write(tarOf("c.txt", "third"));
        TarReader reader = new TarReader(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals("global", reader.next().getUserName());
        assertEquals("", reader.next().getUserName(), "the local record removed the global one for b.txt");
        TarArchiveEntry c = reader.next();
        assertEquals("c.txt", c.getName());
        assertEquals("global", c.getUserName());
        assertEquals("third", new String(reader.content(), StandardCharsets.UTF_8));
        assertNull(reader.next());
    }

    /** PAX's size wins over the header's: how archivers store files over 8 GiB (the octal field's limit). */
    @Test
    void aPaxSizeDecidesWhereTheNextHeaderIs() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        paxHeader(bytes, TarConstants.LF_PAX_EXTENDED_HEADER_LC, "size=700");
        TarArchiveEntry big = new TarArchiveEntry("big.txt");
        big.setSize(0);
        byte[] header = new byte[512];
        big.writeEntryHeader(header);
        bytes.write(header);
        bytes.write("y".repeat(700).getBytes(StandardCharsets.US_ASCII));
        bytes.write(new byte[1024 - 700]);
        bytes.write(tarOf("next.txt", "after"));
        TarReader reader = new TarReader(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(700, reader.next().getSize());
        TarArchiveEntry next = reader.next(); // skips big.txt's two records unread
        assertEquals("next.txt", next.getName());
        assertEquals("after", new String(reader.content(), StandardCharsets.UTF_8));
        assertNull(reader.next());
    }

    @Test
    void anArchiveWithoutEndRecordsEndsAfterItsLastEntry() throws IOException {
        byte[] tar = tar(TarArchiveOutputStream.LONGFILE_GNU, false);
        int end = tar.length;
        while (end > 0 && Arrays.equals(Arrays.copyOfRange(tar, end - 512, end), new byte[512])) {
            end -= 512; // the zero records (and the block padding after them)
        }
        byte[] cut = Arrays.copyOf(tar, end);
        assertEquals(withCommonsCompress(tar), withTarReader(cut, true));
    }

    @Test
    void truncatedOrCorruptArchivesAndSparseFilesAreRefused() throws IOException {
        byte[] tar = tar(TarArchiveOutputStream.LONGFILE_GNU, false);
        assertThrows(EOFException.class, () -> withTarReader(Arrays.copyOf(tar, 512 + 3), true), "inside an entry");
        assertThrows(EOFException.class, () -> withTarReader(Arrays.copyOf(tar, 100), true), "inside a header");
        byte[] badSum = tar.clone();
        badSum[0] ^= 1;
        IOException e = assertThrows(IOException.class, () -> withTarReader(badSum, true));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());

        ByteArrayOutputStream sparse = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(sparse)) {
            TarArchiveEntry s = new TarArchiveEntry("holes.txt", TarConstants.LF_GNUTYPE_SPARSE);
            out.putArchiveEntry(s);
            out.closeArchiveEntry();
        }
        e = assertThrows(IOException.class, () -> withTarReader(sparse.toByteArray(), true));
        assertTrue(e.getMessage().contains("sparse"), e.getMessage());
    }

    @Test
    void anOversizedPaxHeaderIsRefusedBeforeItIsRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        paxHeader(bytes, TarConstants.LF_PAX_EXTENDED_HEADER_LC, "comment=" + "x".repeat(1 << 20));
        bytes.write(tarOf("a.txt", "first"));
        IOException e = assertThrows(IOException.class, () -> withTarReader(bytes.toByteArray(), true));
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }

    /** Files of several sizes (0, under, at and over a 512-byte record), a folder and a long name. */
    private static byte[] tar(int longFileMode, boolean withLongName) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(longFileMode);
            out.putArchiveEntry(new TarArchiveEntry("aclImdb/"));
            out.closeArchiveEntry();
            for (int size : new int[]{0, 17, 512, 513, 3000}) {
                StringBuilder text = new StringBuilder();
                while (text.length() < size) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                file(out, "aclImdb/train/neg/" + size + "_1.txt", text.toString());
            }
            file(out, withLongName ? LONG : "aclImdb/train/pos/short_9.txt", "a long name's review");
        }
        return bytes.toByteArray();
    }

    /** One file's records, without the end-of-archive records: to be joined with others. */
    private static byte[] tarOf(String name, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            file(out, name, text);
        }
        byte[] all = bytes.toByteArray();
        int length = 512 + (text.getBytes(StandardCharsets.UTF_8).length + 511) / 512 * 512;
        return Arrays.copyOf(all, length);
    }

    private static void file(TarArchiveOutputStream out, String name, String text) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
    }

    /** A PAX header block of {@code records} ("key=value" lines), written as its bytes: commons-compress writes its own. */
    private static void paxHeader(ByteArrayOutputStream out, byte type, String records) throws IOException {
        StringBuilder block = new StringBuilder();
        for (String record : records.split("\n")) {
            String body = " " + record + "\n";
            int length = body.length() + 1;
            while (length != String.valueOf(length).length() + body.length()) {
                length = String.valueOf(length).length() + body.length();
            }
            block.append(length).append(body);
        }
        byte[] content = block.toString().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry("././@PaxHeader", type);
        entry.setSize(content.length);
        byte[] header = new byte[512];
        entry.writeEntryHeader(header);
        out.write(header);
        out.write(content);
        out.write(new byte[(512 - content.length % 512) % 512]);
    }

    private static List<Seen> withCommonsCompress(byte[] tar) throws IOException {
        List<Seen> seen = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                seen.add(seen(e, e.isFile() ? in.readAllBytes() : null));
            }
        }
        return seen;
    }

    private static List<Seen> withTarReader(byte[] tar, boolean readFiles) throws IOException {
        List<Seen> seen = new ArrayList<>();
        TarReader reader = new TarReader(new ByteArrayInputStream(tar));
        TarArchiveEntry e;
        while ((e = reader.next()) != null) {
            seen.add(seen(e, readFiles && e.isFile() ? reader.content() : null));
        }
        return seen;
    }

    private static Seen seen(TarArchiveEntry e, byte[] content) {
        return new Seen(e.getName(), e.isDirectory() ? TarConstants.LF_DIR : TarConstants.LF_NORMAL, e.getSize(),
                content == null ? null : new String(content, StandardCharsets.UTF_8));
    }
}
