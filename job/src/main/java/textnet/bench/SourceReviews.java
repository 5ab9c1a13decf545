package textnet.bench;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IMDB reviews {@link ScaleCorpus} builds from: the archive's {@code {train,test}/{neg,pos}/*.txt},
 * each made one line of text (tabs, line breaks and {@code <br />} become spaces) and split into
 * sentences. All of them are held in memory (IMDB's 50,000 reviews: ~65 MB of UTF-8).
 *
 * <p>Within a split and class the reviews are in file name order, so the result does not depend on the
 * order of the archive's entries.
 */
final class SourceReviews {

    static final List<String> LABELS = List.of("neg", "pos");

    private static final Pattern REVIEW = Pattern.compile("(?:^|/)(train|test)/(neg|pos)/([^/]+\\.txt)$");
    private static final Pattern LINE_BREAKS = Pattern.compile("(?i)<br\\s*/?>|[\\t\\n\\r]");

    /** One review: its file name, its text as one line of UTF-8, and the byte offset where each sentence starts. */
    record Review(String name, byte[] text, int[] sentenceStarts) {

        int sentences() {
            return sentenceStarts.length;
        }

        /** Byte offset where sentence {@code s} starts; {@code sentences()} gives the end of the text. */
        int start(int s) {
            return s < sentenceStarts.length ? sentenceStarts[s] : text.length;
        }
    }

    /** [split: 0 train, 1 test][label index in {@link #LABELS}] */
    private final List<List<Review>> train;
    private final List<List<Review>> test;

    private SourceReviews(List<List<Review>> train, List<List<Review>> test) {
        this.train = train;
        this.test = test;
    }

    List<Review> train(int label) {
        return train.get(label);
    }

    List<Review> test(int label) {
        return test.get(label);
    }

    static SourceReviews read(Path archive) throws IOException {
        List<List<Review>> train = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Review>> test = List.of(new ArrayList<>(), new ArrayList<>());
        try (InputStream file = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new GzipCompressorInputStream(new BufferedInputStream(file, 1 << 16), true))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Matcher m = REVIEW.matcher(entry.getName());
                if (!entry.isFile() || !m.find()) {
                    continue;
                }
                List<List<Review>> split = m.group(1).equals("train") ? train : test;
                split.get(LABELS.indexOf(m.group(2))).add(review(m.group(3), tar.readAllBytes()));
            }
        }
        for (List<List<Review>> split : List.of(train, test)) {
            for (int label = 0; label < LABELS.size(); label++) {
                if (split.get(label).isEmpty()) {
                    throw new IOException(archive + ": no " + (split == train ? "train" : "test") + "/"
                            + LABELS.get(label) + " reviews; expected aclImdb/{train,test}/{neg,pos}/*.txt");
                }
                split.get(label).sort(Comparator.comparing(Review::name));
            }
        }
        return new SourceReviews(train, test);
    }

    /** Malformed UTF-8 becomes U+FFFD, as textnet's own reader does. */
    static Review review(String name, byte[] bytes) {
        String line = LINE_BREAKS.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll(" ").strip();
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        return new Review(name, text, sentenceStarts(text));
    }

    /**
     * A sentence ends at '.', '!' or '?' followed by a space; the next one starts at the next non-space
     * byte. Crude (abbreviations split too), but it cuts reviews where a reader would. These bytes are
     * ASCII, so scanning the UTF-8 directly is safe. An empty text has no sentence.
     */
    static int[] sentenceStarts(byte[] text) {
        if (text.length == 0) {
            return new int[0];
        }
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i + 1 < text.length; i++) {
            byte b = text[i];
            if ((b == '.' || b == '!' || b == '?') && text[i + 1] == ' ') {
                int next = i + 1;
                while (next < text.length && text[next] == ' ') {
                    next++;
                }
                if (next < text.length) {
                    starts.add(next);
                }
                i = next - 1;
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
