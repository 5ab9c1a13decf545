package textnet.nn;

/** What one pass over some rows produced: the summed loss, how many rows were classified right, of how many. */
public record BatchStats(double lossSum, long correct, long rows) implements java.io.Serializable {
    public static final BatchStats EMPTY = new BatchStats(0, 0, 0);

    public BatchStats add(BatchStats other) {
        return new BatchStats(lossSum + other.lossSum, correct + other.correct, rows + other.rows);
    }

    public double meanLoss() {
        return rows == 0 ? Double.NaN : lossSum / rows;
    }

    public double accuracy() {
        return rows == 0 ? Double.NaN : (double) correct / rows;
    }
}
