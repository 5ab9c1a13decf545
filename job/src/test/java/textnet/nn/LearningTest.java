package textnet.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import textnet.config.LayerConfig;
import textnet.config.ModelConfig;
import textnet.config.OptimizerConfig;
import textnet.optim.Optimizer;
import textnet.text.MultiHotBatch;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Toy "documents" over 30 words: each class has 5 words of its own, and every row also carries 4
 * random shared noise words. A small net must fit the training rows exactly.
 */
class LearningTest {

    private static MultiHotBatch toyData(int classes, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] indexRows = new int[rows][];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            int label = r % classes;
            TreeSet<Integer> words = new TreeSet<>();
            while (words.size() < 2) {
                words.add(label * 5 + random.nextInt(5));
            }
            while (words.size() < 6) {
                words.add(15 + random.nextInt(15));
            }
            indexRows[r] = words.stream().mapToInt(Integer::intValue).toArray();
            labels[r] = label;
        }
        return Batches.of(indexRows, labels);
    }

    @ParameterizedTest(name = "{0} classes, {1}, {2}, {3}")
    @CsvSource({"2, rmsprop, sparse, 0.01", "3, rmsprop, sparse, 0.01", "2, adam, dense, 0.01",
            "3, adam, sparse, 0.01", "3, sgd, sparse, 0.5"})
    void fitsToyData(int classes, String optimizerName, String input, double learningRate) {
        NetworkSpec spec = NetworkSpec.of(new ModelConfig(List.of(new LayerConfig(8, "relu")),
                new textnet.config.OutputConfig("auto", "auto"), input), 30, classes);
        Network network = new Network(spec);
        Optimizer optimizer = Optimizer.of(new OptimizerConfig(optimizerName, learningRate, 0.9, 0.9, 0.9, 0.999, 1e-7));
        float[] params = network.initialParameters(1);
        float[] grad = new float[spec.parameterCount()];
        float[] state = new float[optimizer.stateSize(spec.parameterCount())];
        MultiHotBatch data = toyData(classes, 60, 3);

        BatchStats before = network.evaluate(params, data);
        for (int step = 1; step <= 300; step++) {
            network.lossAndGradient(params, data, grad);
            optimizer.step(params, grad, state, step, null);
        }
        BatchStats after = network.evaluate(params, data);
        assertEquals(1.0, after.accuracy(), "loss " + before.meanLoss() + " -> " + after.meanLoss());
        assertTrue(after.meanLoss() < 0.1 * before.meanLoss());
    }
}
