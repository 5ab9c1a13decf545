package textnet.train;

import java.io.Serializable;

/**
 * The running, row-weighted sum of partition results that {@code treeAggregate} builds: parameters
 * and optimizer state are averaged with the same weights (as DL4J's parameter averaging does with
 * its updater state). Sums are kept in double so that one partition's average is exactly its own
 * float parameters (x * n / n is exact in double for float x).
 */
public final class ParameterSum implements Serializable {

    private double[] parameters;
    private double[] optimizerState;
    private double weightedSteps;
    private long rows;
    private double lossSum;
    private long correct;

    public ParameterSum add(PartitionResult r) {
        if (r.rows() == 0) {
            return this;
        }
        if (parameters == null) {
            parameters = new double[r.parameters().length];
            optimizerState = new double[r.optimizerState().length];
        }
        addScaled(parameters, r.parameters(), r.rows());
        addScaled(optimizerState, r.optimizerState(), r.rows());
        weightedSteps += (double) r.steps() * r.rows();
        rows += r.rows();
        lossSum += r.lossSum();
        correct += r.correct();
        return this;
    }

    public ParameterSum merge(ParameterSum other) {
        if (other.rows == 0) {
            return this;
        }
        if (rows == 0) {
            return other;
        }
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] += other.parameters[i];
        }
        for (int i = 0; i < optimizerState.length; i++) {
            optimizerState[i] += other.optimizerState[i];
        }
        weightedSteps += other.weightedSteps;
        rows += other.rows;
        lossSum += other.lossSum;
        correct += other.correct;
        return this;
    }

    /** The new driver state: averages, and the iteration advanced by the mean steps taken. */
    public TrainingState average(TrainingState before) {
        if (rows == 0) {
            throw new IllegalStateException("no training rows in any partition");
        }
        return new TrainingState(divide(parameters, rows), divide(optimizerState, rows),
                before.iteration() + Math.round(weightedSteps / rows));
    }

    public long rows() {
        return rows;
    }

    public double meanLoss() {
        return lossSum / rows;
    }

    public double accuracy() {
        return (double) correct / rows;
    }

    private static void addScaled(double[] sum, float[] values, long weight) {
        for (int i = 0; i < values.length; i++) {
            sum[i] += (double) values[i] * weight;
        }
    }

    private static float[] divide(double[] sum, long n) {
        float[] out = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = (float) (sum[i] / n);
        }
        return out;
    }
}
