package textnet.bench;

import textnet.bench.SourceReviews.Review;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of the scaled corpora, in order. Training: first the original training reviews (classes
 * alternating, neg first, each class in file name order), then generated ones up to the requested
 * count: row {@code i} has class {@code i % 2} and joins the first half of the sentences of one training
 * review of that class with the second half of another's (rounded so that each gives at least one
 * sentence), both chosen by a hash of (seed, i). Test: the original test reviews, alternating likewise.
 *
 * <p>Row {@code i} depends only on (sources, seed, i), never on the rows before it, so the same seed
 * gives the same bytes, and a larger corpus begins with a smaller one.
 */
final class ScaleRows {

    /** Receives rows in order; {@code text[0, length)} is valid only during the call. */
    interface Sink {
        void row(String label, byte[] text, int length) throws IOException;
    }

    private final SourceReviews sources;
    private final long seed;
    private byte[] buffer = new byte[1 << 16];

    ScaleRows(SourceReviews sources, long seed) {
        this.sources = sources;
        this.seed = seed;
    }

    void train(long rows, Sink sink) throws IOException {
        List<Labelled> originals = alternate(sources.train(0), sources.train(1));
        long i = 0;
        for (; i < rows && i < originals.size(); i++) {
            Labelled o = originals.get((int) i);
            sink.row(SourceReviews.LABELS.get(o.label()), o.review().text(), o.review().text().length);
        }
        for (; i < rows; i++) {
            int label = (int) (i % 2);
            sink.row(SourceReviews.LABELS.get(label), buffer, generated(i, sources.train(label)));
        }
    }

    void test(Sink sink) throws IOException {
        for (Labelled o : alternate(sources.test(0), sources.test(1))) {
            sink.row(SourceReviews.LABELS.get(o.label()), o.review().text(), o.review().text().length);
        }
    }

    /** Writes row {@code i} into {@link #buffer}, returning its length. */
    private int generated(long i, List<Review> reviews) {
        long h = mix(seed + GOLDEN * (i + 1));
        Review first = reviews.get((int) Long.remainderUnsigned(h, reviews.size()));
        Review second = reviews.get((int) Long.remainderUnsigned(mix(h), reviews.size()));
        int firstEnd = first.start((first.sentences() + 1) / 2);   // sentences [0, ceil(n/2))
        int secondStart = second.start(second.sentences() / 2);    // sentences [floor(n/2), n)
        int length = 0;
        length = append(first.text(), 0, firstEnd, length);
        if (length > 0 && buffer[length - 1] != ' ' && secondStart < second.text().length) {
            length = append(new byte[]{' '}, 0, 1, length);
        }
        return append(second.text(), secondStart, second.text().length, length);
    }

    private int append(byte[] from, int start, int end, int at) {
        int n = end - start;
        if (at + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + n));
        }
        System.arraycopy(from, start, buffer, at, n);
        return at + n;
    }

    private record Labelled(int label, Review review) {
    }

    private static List<Labelled> alternate(List<Review> neg, List<Review> pos) {
        List<Labelled> out = new ArrayList<>(neg.size() + pos.size());
        for (int k = 0; k < Math.max(neg.size(), pos.size()); k++) {
            if (k < neg.size()) {
                out.add(new Labelled(0, neg.get(k)));
            }
            if (k < pos.size()) {
                out.add(new Labelled(1, pos.get(k)));
            }
        }
        return out;
    }

    /** 2^64 / golden ratio: SplitMix64's increment. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /**
     * SplitMix64's finaliser (Steele, Lea, Flood 2014), written out so that the corpus does not depend on
     * how a JDK implements its random generators.
     */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
