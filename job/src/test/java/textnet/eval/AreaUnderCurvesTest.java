package textnet.eval;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import textnet.SparkTestSupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The score histogram's bins, and ROC-AUC / PR-AUC over them against plain references and MLlib. */
class AreaUnderCurvesTest {

    static ScoreHistogram histogram(float[] scores, boolean[] positive) {
        ScoreHistogram.Builder b = new ScoreHistogram.Builder();
        for (int i = 0; i < scores.length; i++) {
            b.add(scores[i], positive[i]);
        }
        return b.build();
    }

    /** The Mann-Whitney reference, pair by pair: 1 for a positive scored above a negative, 1/2 for a tie. */
    static double pairCountRocAuc(float[] scores, boolean[] positive) {
        long twicePairs = 0;
        long p = 0;
        long n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!positive[i]) {
                n++;
                continue;
            }
            p++;
            for (int j = 0; j < scores.length; j++) {
                if (!positive[j]) {
                    twicePairs += scores[i] > scores[j] ? 2 : scores[i] == scores[j] ? 1 : 0;
                }
            }
        }
        return twicePairs / (2.0 * p * n);
    }

    @Test
    void binsFollowTheScoreOrderOverAllFloats() {
        Random random = new Random(5);
        float[] scores = new float[10_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i % 3 == 0 ? random.nextFloat() : (float) (random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10));
        }
        Arrays.sort(scores);
        for (int i = 1; i < scores.length; i++) {
            assertTrue(ScoreHistogram.bin(scores[i - 1]) <= ScoreHistogram.bin(scores[i]), scores[i - 1] + " vs " + scores[i]);
        }
        assertEquals(0, ScoreHistogram.bin(-0.0f));
        assertEquals(0, ScoreHistogram.bin(0f));
        assertEquals(0x3F800000 >> ScoreHistogram.SHIFT, ScoreHistogram.bin(1f)); // [0, 1] in 1,040,385 bins
        assertTrue(ScoreHistogram.bin(-1f) < 0);
        assertTrue(ScoreHistogram.bin(Float.NaN) > ScoreHistogram.bin(Float.POSITIVE_INFINITY));
        // ~2^-13 relative: 0.5 and 0.5 + 1e-4 are apart, 0.5 + 1e-5 shares 0.5's bin
        assertTrue(ScoreHistogram.bin(0.5001f) > ScoreHistogram.bin(0.5f));
        assertEquals(ScoreHistogram.bin(0.5f), ScoreHistogram.bin(0.50001f));
    }

    @Test
    void handWorkedCurves() {
        // 0.9 pos, 0.8 neg, 0.7 pos: one of the two pairs ranked right
        ScoreHistogram h = histogram(new float[]{0.9f, 0.8f, 0.7f}, new boolean[]{true, false, true});
        assertEquals(0.5, AreaUnderCurves.rocAuc(h));
        assertEquals(0.0, AreaUnderCurves.rocAucMaxError(h));
        // PR points: (0, 1) first (precision at the top), (1/2, 1), (1/2, 1/2), (1, 2/3):
        // 1/2 * (1 + 1) / 2 + 0 + 1/2 * (1/2 + 2/3) / 2 = 1/2 + 7/24
        assertEquals(0.5 + 7.0 / 24, AreaUnderCurves.prAuc(h), 1e-15);

        // a positive and a negative in one bin: a tie, and the bound says the truth may be 1/2 away
        ScoreHistogram tied = histogram(new float[]{0.5f, 0.50001f}, new boolean[]{true, false});
        assertEquals(0.5, AreaUnderCurves.rocAuc(tied));
        assertEquals(0.5, AreaUnderCurves.rocAucMaxError(tied));
        // one bin holding both classes: one PR point (1, 1/2), the curve starts at (0, 1/2)
        assertEquals(0.5, AreaUnderCurves.prAuc(tied));
    }

    @Test
    void oneClassOnlyHasNoRocAuc() {
        ScoreHistogram negatives = histogram(new float[]{0.2f, 0.4f}, new boolean[]{false, false});
        assertTrue(Double.isNaN(AreaUnderCurves.rocAuc(negatives)));
        assertTrue(Double.isNaN(AreaUnderCurves.rocAucMaxError(negatives)));
        assertTrue(Double.isNaN(AreaUnderCurves.prAuc(negatives)));
        ScoreHistogram positives = histogram(new float[]{0.2f, 0.4f}, new boolean[]{true, true});
        assertTrue(Double.isNaN(AreaUnderCurves.rocAuc(positives)));
        assertEquals(1.0, AreaUnderCurves.prAuc(positives)); // precision 1 at every recall
    }

    @Test
    void rocAucIsExactWithoutSharedBinsAndWithinTheBoundWithThem() {
        Random random = new Random(17);
        // scores k / 997: every distinct score in a bin of its own; ties of both classes on one score
        float[] spread = new float[600];
        boolean[] label = new boolean[600];
        for (int i = 0; i < spread.length; i++) {
            label[i] = random.nextInt(3) == 0;
            spread[i] = (random.nextInt(300) + (label[i] ? 200 : 0)) / 997f;
        }
        ScoreHistogram h = histogram(spread, label);
        assertEquals(pairCountRocAuc(spread, label), AreaUnderCurves.rocAuc(h), 0.0);

        // scores crowded near 0.5: many bins hold both classes, so the binned AUC is off, within its bound
        float[] crowded = new float[600];
        for (int i = 0; i < crowded.length; i++) {
            crowded[i] = (float) (0.5 + random.nextGaussian() * 2e-4 + (label[i] ? 5e-5 : 0));
        }
        ScoreHistogram c = histogram(crowded, label);
        double exact = pairCountRocAuc(crowded, label);
        double bound = AreaUnderCurves.rocAucMaxError(c);
        assertTrue(bound > 0.01, "the fixture must share bins: bound " + bound);
        assertTrue(AreaUnderCurves.rocAuc(c) != exact, "and so differ from the exact value");
        assertTrue(Math.abs(AreaUnderCurves.rocAuc(c) - exact) <= bound,
                "binned " + AreaUnderCurves.rocAuc(c) + ", exact " + exact + ", bound " + bound);
    }

    /** Where every distinct score has a bin of its own the curves are MLlib's, point for point. */
    @Test
    void sameAreasAsMllibWhenEachScoreHasItsOwnBin() {
        Random random = new Random(23);
        int rows = 2000;
        float[] scores = new float[rows];
        boolean[] positive = new boolean[rows];
        List<Tuple2<Object, Object>> scoreAndLabel = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            positive[i] = random.nextBoolean();
            scores[i] = (random.nextInt(150) + (positive[i] ? 60 : 0)) / 211f; // ties within and across classes
            scoreAndLabel.add(new Tuple2<>((double) scores[i], positive[i] ? 1.0 : 0.0));
        }
        BinaryClassificationMetrics mllib = new BinaryClassificationMetrics(JavaSparkContext.fromSparkContext(
                SparkTestSupport.spark().sparkContext()).parallelize(scoreAndLabel, 1).rdd());
        ScoreHistogram h = histogram(scores, positive);
        assertEquals(mllib.areaUnderROC(), AreaUnderCurves.rocAuc(h), 1e-12);
        assertEquals(mllib.areaUnderPR(), AreaUnderCurves.prAuc(h), 1e-12);
        mllib.unpersist();
    }

    /** The builder sorts and merges every CHUNK rows: one builder or many merged give the same histogram. */
    @Test
    void chunksAndMergesGiveOneHistogram() {
        Random random = new Random(29);
        int rows = ScoreHistogram.Builder.CHUNK * 3 + 17;
        ScoreHistogram.Builder whole = new ScoreHistogram.Builder();
        List<ScoreHistogram> parts = new ArrayList<>();
        ScoreHistogram.Builder part = new ScoreHistogram.Builder();
        for (int i = 0; i < rows; i++) {
            float score = random.nextFloat();
            boolean label = random.nextInt(4) == 0;
            whole.add(score, label);
            part.add(score, label);
            if (random.nextInt(5000) == 0) {
                parts.add(part.build());
                part = new ScoreHistogram.Builder();
            }
        }
        parts.add(part.build());
        ScoreHistogram merged = ScoreHistogram.EMPTY;
        for (int i = parts.size() - 1; i >= 0; i--) {
            merged = parts.get(i).merge(merged);
        }
        assertHistogramsEqual(whole.build(), merged);
        assertEquals(rows, merged.totalPositives() + merged.totalNegatives());
    }

    static void assertHistogramsEqual(ScoreHistogram expected, ScoreHistogram actual) {
        assertEquals(expected.size(), actual.size());
        int[] bins = new int[expected.size()];
        int[] actualBins = new int[actual.size()];
        long[] counts = new long[2 * expected.size()];
        long[] actualCounts = new long[2 * actual.size()];
        for (int i = 0; i < expected.size(); i++) {
            bins[i] = expected.bin(i);
            actualBins[i] = actual.bin(i);
            counts[2 * i] = expected.positives(i);
            counts[2 * i + 1] = expected.negatives(i);
            actualCounts[2 * i] = actual.positives(i);
            actualCounts[2 * i + 1] = actual.negatives(i);
        }
        assertArrayEquals(bins, actualBins);
        assertArrayEquals(counts, actualCounts);
    }
}
