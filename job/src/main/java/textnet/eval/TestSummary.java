package textnet.eval;

import java.io.Serializable;

/**
 * Everything the test metrics are computed from, in a size that does not grow with the test rows:
 * the loss as an exact sum, the correct count, the confusion matrix, top-k hits (multiclass) and the
 * histogram of P(positive class) (binary). Each partition folds its rows into one ({@link Builder});
 * {@link #merge} adds two, and since every part is an integer count or an exact sum, any merge order
 * or grouping gives the same bits.
 */
public final class TestSummary implements Serializable {

    /** Keras's {@code top_k_categorical_accuracy} default is k=5; the issue asks for 3. */
    public static final int TOP_K = 3;

    private final long rows;
    private final long correct;
    private final ExactSum lossSum;
    private final ConfusionMatrix confusion;
    private final long topKHits;
    private final ScoreHistogram scores;

    private TestSummary(long rows, long correct, ExactSum lossSum, ConfusionMatrix confusion, long topKHits,
                        ScoreHistogram scores) {
        this.rows = rows;
        this.correct = correct;
        this.lossSum = lossSum;
        this.confusion = confusion;
        this.topKHits = topKHits;
        this.scores = scores;
    }

    public static TestSummary empty(int classes) {
        return new TestSummary(0, 0, new ExactSum(), new ConfusionMatrix(classes), 0, ScoreHistogram.EMPTY);
    }

    /** A new summary of both summaries' rows. */
    public TestSummary merge(TestSummary other) {
        return new TestSummary(rows + other.rows, correct + other.correct, lossSum.copy().add(other.lossSum),
                confusion.plus(other.confusion), topKHits + other.topKHits, scores.merge(other.scores));
    }

    public long rows() {
        return rows;
    }

    public double meanLoss() {
        return lossSum.value() / rows;
    }

    /**
     * Keras's accuracy as the network counts it (binary: logit above 0; else the argmax of the
     * logits), which the confusion matrix (from the float probabilities) matches but for rounding.
     */
    public double accuracy() {
        return (double) correct / rows;
    }

    public ConfusionMatrix confusion() {
        return confusion;
    }

    /** The share of rows whose true class is among the {@link #TOP_K} most probable (multiclass only). */
    public double topKAccuracy() {
        return (double) topKHits / rows;
    }

    /** P(positive class) per bin and true class (binary only; empty otherwise). */
    public ScoreHistogram scores() {
        return scores;
    }

    /** Folds scored batches of one partition; {@link #build} gives its summary. */
    public static final class Builder implements Evaluator.BatchFold {

        private final boolean binary;
        private final ConfusionMatrix confusion;
        private final ExactSum lossSum = new ExactSum();
        private final ScoreHistogram.Builder scores = new ScoreHistogram.Builder();
        private long rows;
        private long correct;
        private long topKHits;

        public Builder(int classes) {
            this.binary = classes == 2;
            this.confusion = new ConfusionMatrix(classes);
        }

        @Override
        public void add(Predictions batch, double[] rowLosses, long correctInBatch) {
            for (int r = 0; r < batch.rows(); r++) {
                int truth = batch.labels()[r];
                confusion.add(truth, batch.predictedClass(r));
                lossSum.add(rowLosses[r]);
                if (binary) {
                    scores.add(batch.positiveProbability(r), truth == 1);
                } else if (isTopK(batch, r, truth)) {
                    topKHits++;
                }
            }
            rows += batch.rows();
            correct += correctInBatch;
        }

        /** Ties count in the true class's favour: a hit when fewer than k classes are more probable. */
        private static boolean isTopK(Predictions batch, int row, int truth) {
            float p = batch.probability(row, truth);
            int higher = 0;
            for (int k = 0; k < batch.units(); k++) {
                if (batch.probability(row, k) > p) {
                    higher++;
                }
            }
            return higher < TOP_K;
        }

        public TestSummary build() {
            return new TestSummary(rows, correct, lossSum, confusion, topKHits, scores.build());
        }
    }
}
