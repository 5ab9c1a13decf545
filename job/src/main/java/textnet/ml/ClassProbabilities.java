package textnet.ml;

/** The network's outputs as one probability per class, Spark ML's probability column. */
final class ClassProbabilities {

    private ClassProbabilities() {
    }

    /**
     * Row {@code row} of the row-major outputs. A binary network has one sigmoid unit, P(class 1)
     * (the Keras tutorials' output), which becomes {@code [1 - p, p]}; otherwise one unit per class.
     */
    static double[] of(float[] outputs, int row, int units) {
        if (units == 1) {
            double p = outputs[row];
            return new double[]{1 - p, p};
        }
        double[] probability = new double[units];
        for (int c = 0; c < units; c++) {
            probability[c] = outputs[row * units + c];
        }
        return probability;
    }

    /** The most probable class; the first on a tie, as Spark ML's classifiers pick. */
    static int argmax(double[] probability) {
        int best = 0;
        for (int c = 1; c < probability.length; c++) {
            if (probability[c] > probability[best]) {
                best = c;
            }
        }
        return best;
    }
}
