package textnet.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic documents and the reading code's hot loops run on them, so that the JIT has compiled them
 * before the corpus is read (see train/Warmup): in a cold JVM the first pass over IMDB's archive spent
 * as long compiling as reading. Touches no file and no state of the run.
 */
public final class ReaderWarmup {

    private static final String[] WORDS = {"the", "film", "was", "great", "awful", "and", "a", "plot", "acting",
            "i", "it's", "not", "boring", "brilliant", "story", "of", "to", "in", "Movie", "BAD", "café", "10/10"};

    private ReaderWarmup() {
    }

    /** {@code count} documents of a few hundred bytes, as a reader would hand them over. */
    public static List<LabelledDoc> documents(int count) {
        SplittableRandom random = new SplittableRandom(7);
        List<LabelledDoc> docs = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            docs.add(LabelledDoc.ofUtf8(d % 3 == 0 ? Split.TEST : Split.TRAIN, d, "warmup/" + d, text(random),
                    d % 2 == 0 ? "pos" : "neg"));
        }
        return docs;
    }

    /** Streams a small archive of reviews through {@link TarGzEntries} a few times. */
    public static void archives() {
        byte[] archive = archive(documents(400));
        for (int pass = 0; pass < 4; pass++) {
            Iterator<TarGzEntries.Entry> entries = TarGzEntries.iterator(new ByteArrayInputStream(archive), "warmup",
                    name -> name.endsWith(".txt"));
            while (entries.hasNext()) {
                entries.next();
            }
        }
    }

    private static byte[] text(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        for (int w = random.nextInt(40, 160); w > 0; w--) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(8) == 0 ? ", " : " ");
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] archive(List<LabelledDoc> docs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (LabelledDoc d : docs) {
                TarArchiveEntry entry = new TarArchiveEntry("aclImdb/train/" + d.label() + "/" + d.position() + "_5.txt");
                entry.setSize(d.utf8().length);
                tar.putArchiveEntry(entry);
                tar.write(d.utf8());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
