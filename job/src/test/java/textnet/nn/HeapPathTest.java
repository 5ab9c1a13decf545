package textnet.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import textnet.config.LayerConfig;
import textnet.config.ModelConfig;
import textnet.config.OptimizerConfig;
import textnet.config.OutputConfig;
import textnet.optim.Optimizer;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Training keeps parameters in heap arrays; that path must compute exactly what the ND4J-array path does. */
class HeapPathTest {

    static MultiHotBatch batch(int rows, int inputs, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] offsets = new int[rows + 1];
        List<int[]> idx = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int[] row = r.ints(0, inputs).distinct().limit(1 + r.nextInt(6)).sorted().toArray();
            idx.add(row);
            offsets[i + 1] = offsets[i] + row.length;
        }
        int[] indices = idx.stream().flatMapToInt(java.util.Arrays::stream).toArray();
        return new MultiHotBatch(rows, offsets, indices, r.ints(rows, 0, classes).toArray());
    }

    @Test
    void heapAndArrayPathsAgreeExactly() {
        for (String input : List.of("sparse", "dense")) {
            for (int classes : new int[]{2, 4}) {
                NetworkSpec spec = NetworkSpec.of(new ModelConfig(List.of(new LayerConfig(11, "relu"), new LayerConfig(5, "tanh")),
                        new OutputConfig("auto", "auto"), input), 30, classes);
                Network viaArrays = new Network(spec, DataType.FLOAT);
                Network viaHeap = new Network(spec, DataType.FLOAT);
                INDArray p = viaArrays.initialParameters(3);
                float[] heap = p.toFloatVector();
                Optimizer a = Optimizer.of(new OptimizerConfig("adam", 0.01, 0.9, 0, 0.9, 0.999, 1e-7));
                Optimizer b = Optimizer.of(new OptimizerConfig("adam", 0.01, 0.9, 0, 0.9, 0.999, 1e-7));
                INDArray state = Nd4j.zeros(DataType.FLOAT, 1, a.stateSize(heap.length));
                float[] heapState = new float[a.stateSize(heap.length)];
                INDArray grad = Nd4j.create(DataType.FLOAT, 1, heap.length);
                float[] heapGrad = new float[heap.length];
                for (int step = 1; step <= 5; step++) {
                    MultiHotBatch batch = batch(step == 5 ? 3 : 8, 30, classes, step);
                    BatchStats sa = viaArrays.lossAndGradient(p, batch, grad);
                    BatchStats sb = viaHeap.lossAndGradient(heap, batch, heapGrad);
                    assertEquals(sa, sb);
                    assertArrayEquals(grad.toFloatVector(), heapGrad, input + " gradient, step " + step);
                    a.step(p, grad, state, step);
                    b.step(heap, heapGrad, heapState, step, null);
                }
                assertArrayEquals(p.toFloatVector(), heap, input + " parameters");
                MultiHotBatch test = batch(7, 30, classes, 99);
                assertArrayEquals(viaArrays.predict(p, test).ravel().toFloatVector(), viaHeap.predict(heap, test));
                assertEquals(viaArrays.evaluate(p, test), viaHeap.evaluate(heap, test));
            }
        }
    }
}
