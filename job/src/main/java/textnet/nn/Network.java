package textnet.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Forward and backward passes of a {@link NetworkSpec} over multi-hot batches, with the parameters in
 * one flat {@code [1, P]} vector. The first layer reads the rows' active indices directly
 * ({@link MultiHotInput}) or, on the dense path, a gemm with the expanded matrix; the other layers
 * are ND4J gemms into preallocated {@link BatchBuffers}. One instance serves one thread at a time.
 */
public final class Network {
    private final NetworkSpec spec;
    private final DataType dtype;
    private final int last;
    private final MultiHotInput multiHotInput;
    private final Map<Integer, BatchBuffers> buffersByRows = new HashMap<>();
    private ParameterViews paramViews;
    private ParameterViews gradViews;
    private HeapStage heapStage;
    private float[] outputRow;

    /** {@code FLOAT} for training, {@code DOUBLE} for gradient checks. */
    public Network(NetworkSpec spec, DataType dtype) {
        this.spec = spec;
        this.dtype = HostValues.check(dtype);
        this.last = spec.layers().size() - 1;
        this.multiHotInput = new MultiHotInput(spec.inputSize(), spec.layers().get(0).units());
    }

    public NetworkSpec spec() {
        return spec;
    }

    /**
     * Glorot-uniform weights, {@code U(-sqrt(6/(in+out)), +sqrt(6/(in+out)))} (Keras's Dense default),
     * and zero biases; drawn in Java so that a seed gives the same vector everywhere.
     */
    public INDArray initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        INDArray params = Nd4j.create(dtype, 1, spec.parameterCount());
        HostValues values = HostValues.of(params);
        for (int l = 0; l <= last; l++) {
            DenseSpec layer = spec.layers().get(l);
            double limit = Math.sqrt(6.0 / (layer.inputs() + layer.units()));
            int offset = Math.toIntExact(spec.weightOffset(l));
            for (int i = 0; i < layer.weightCount(); i++) {
                values.set(offset + i, random.nextDouble(-limit, limit));
            }
        }
        return params;
    }

    /**
     * Writes the gradient of the batch's mean loss into {@code grad} ({@code [1, P]}) and returns the
     * batch's loss sum and correct count.
     */
    public BatchStats lossAndGradient(INDArray params, MultiHotBatch batch, INDArray grad) {
        if (batch.size() == 0) {
            grad.assign(0);
            return BatchStats.EMPTY;
        }
        BatchBuffers buffers = buffers(batch.size());
        ParameterViews p = paramViews = ParameterViews.of(spec, params, paramViews);
        ParameterViews g = gradViews = ParameterViews.of(spec, grad, gradViews);
        forward(p, batch, buffers);
        double lossSum = outputLoss(batch, buffers, true);
        long correct = countCorrect(batch, buffers);
        backward(p, g, batch, buffers);
        return new BatchStats(lossSum, correct, batch.size());
    }

    /** Loss sum and correct count, forward pass only. */
    public BatchStats evaluate(INDArray params, MultiHotBatch batch) {
        if (batch.size() == 0) {
            return BatchStats.EMPTY;
        }
        BatchBuffers buffers = buffers(batch.size());
        forward(paramViews = ParameterViews.of(spec, params, paramViews), batch, buffers);
        return new BatchStats(outputLoss(batch, buffers, false), countCorrect(batch, buffers), batch.size());
    }

    /** The outputs, {@code [rows, outputUnits]}: probabilities (binary: P(class 1)), or the raw outputs for mse. */
    public INDArray predict(INDArray params, MultiHotBatch batch) {
        if (batch.size() == 0) {
            return Nd4j.create(dtype, 0, spec.outputUnits());
        }
        BatchBuffers buffers = buffers(batch.size());
        forward(paramViews = ParameterViews.of(spec, params, paramViews), batch, buffers);
        return outputs(buffers);
    }

    /**
     * The training path: parameters and gradient in Java arrays that stay on the heap for a whole
     * partition-epoch, so the optimizer updates them in place and the sparse first layer reads and
     * writes {@code W0} directly. Only the small layers after it are copied into ND4J for their gemms
     * (a few thousand values), instead of moving all P values across each step. FLOAT only.
     */
    public BatchStats lossAndGradient(float[] params, MultiHotBatch batch, float[] grad) {
        return lossAndGradient(params, batch, grad, null);
    }

    /**
     * With {@code touched} (the batch's distinct indices, sparse input only), W0's gradient is written
     * in those rows only and the rest of that block is left stale: the caller's optimizer is told
     * (textnet.optim.SparseRows) and treats those rows as zero.
     */
    public BatchStats lossAndGradient(float[] params, MultiHotBatch batch, float[] grad, int[] touched) {
        if (touched != null && !spec.sparseInput()) {
            throw new IllegalArgumentException("touched rows only apply to the sparse input path");
        }
        if (batch.size() == 0) {
            java.util.Arrays.fill(grad, 0);
            return BatchStats.EMPTY;
        }
        HeapStage stage = heapStage(params);
        BatchBuffers buffers = buffers(batch.size());
        forward(stage.params, batch, buffers, params);
        double lossSum = outputLoss(batch, buffers, true);
        long correct = countCorrect(batch, buffers);
        backward(stage.params, stage.grads, batch, buffers, grad, touched);
        stage.storeGradient(grad);
        return new BatchStats(lossSum, correct, batch.size());
    }

    /** {@link #evaluate(INDArray, MultiHotBatch)} with heap parameters. */
    public BatchStats evaluate(float[] params, MultiHotBatch batch) {
        if (batch.size() == 0) {
            return BatchStats.EMPTY;
        }
        BatchBuffers buffers = buffers(batch.size());
        forward(heapStage(params).params, batch, buffers, params);
        return new BatchStats(outputLoss(batch, buffers, false), countCorrect(batch, buffers), batch.size());
    }

    /** {@link #predict(INDArray, MultiHotBatch)} with heap parameters, as a row-major array. */
    public float[] predict(float[] params, MultiHotBatch batch) {
        if (batch.size() == 0) {
            return new float[0];
        }
        BatchBuffers buffers = buffers(batch.size());
        forward(heapStage(params).params, batch, buffers, params);
        return outputValues(buffers);
    }

    /** The outputs, each row's loss and the correct count together, from one forward pass (test evaluation). */
    public Scored score(float[] params, MultiHotBatch batch) {
        if (batch.size() == 0) {
            return new Scored(BatchStats.EMPTY, new float[0], new double[0]);
        }
        BatchBuffers buffers = buffers(batch.size());
        forward(heapStage(params).params, batch, buffers, params);
        double[] rowLosses = new double[batch.size()];
        double lossSum = spec.loss().lossSum(buffers.activationValues(last), batch.labels(), batch.size(),
                spec.outputUnits(), null, 1.0, rowLosses);
        BatchStats stats = new BatchStats(lossSum, countCorrect(batch, buffers), batch.size());
        return new Scored(stats, outputValues(buffers), rowLosses);
    }

    /** {@link #predict}'s outputs (row-major) with {@link #evaluate}'s numbers, and the loss of each row. */
    public record Scored(BatchStats stats, float[] outputs, double[] rowLosses) {
    }

    /** A copy of the output layer, taken through its activation when the loss kept logits. */
    private INDArray outputs(BatchBuffers buffers) {
        INDArray layer = buffers.activation(last);
        if (dtype == DataType.FLOAT) { // the same bits as the heap path's
            return Nd4j.create(outputValues(buffers), layer.shape(), 'c');
        }
        INDArray outputs = layer.dup();
        if (spec.loss().readsLogits()) {
            spec.outputLayer().activation().applyInPlace(outputs);
        }
        return outputs;
    }

    /**
     * The outputs (row-major), the activation applied on the heap whatever the dtype, so every path
     * reports the same bits (see Activation).
     */
    private float[] outputValues(BatchBuffers buffers) {
        float[] values = buffers.activation(last).dup().data().asFloat();
        if (spec.loss().readsLogits()) {
            spec.outputLayer().activation().applyInPlace(values, spec.outputUnits());
        }
        return values;
    }

    private HeapStage heapStage(float[] params) {
        if (dtype != DataType.FLOAT) {
            throw new IllegalStateException("heap parameters are float; this network computes in " + dtype);
        }
        if (params.length != spec.parameterCount()) {
            throw new IllegalArgumentException("expected " + spec.parameterCount() + " parameters, got " + params.length);
        }
        if (heapStage == null) {
            heapStage = new HeapStage();
        }
        heapStage.loadParameters(params);
        return heapStage;
    }

    /**
     * ND4J copies of the parameters the gemms read and the gradients they write: everything after
     * {@code W0} on the sparse path (W0 itself stays in the heap array), everything on the dense path.
     */
    private final class HeapStage {
        final ParameterViews params;
        final ParameterViews grads;
        private final java.nio.FloatBuffer paramValues;
        private final java.nio.FloatBuffer gradValues;
        private final int from = spec.sparseInput() ? Math.toIntExact(spec.biasOffset(0)) : 0;
        private final int count = spec.parameterCount() - from;

        HeapStage() {
            INDArray p = Nd4j.create(DataType.FLOAT, 1, spec.parameterCount());
            INDArray g = Nd4j.create(DataType.FLOAT, 1, spec.parameterCount());
            params = ParameterViews.of(spec, p, null);
            grads = ParameterViews.of(spec, g, null);
            paramValues = HostValues.of(p).floats();
            gradValues = HostValues.of(g).floats();
        }

        void loadParameters(float[] heap) {
            paramValues.put(from, heap, from, count);
        }

        void storeGradient(float[] heap) {
            gradValues.get(from, heap, from, count);
        }
    }

    private void forward(ParameterViews p, MultiHotBatch batch, BatchBuffers buffers) {
        forward(p, batch, buffers, null);
    }

    /**
     * Layer by layer: z = x W + b, then a = f(z) in place; the output keeps its logits for a fused loss.
     * With {@code heapParams}, the sparse first layer reads W0 from there.
     */
    private void forward(ParameterViews p, MultiHotBatch batch, BatchBuffers buffers, float[] heapParams) {
        if (!spec.sparseInput()) {
            buffers.denseInput.assign(0);
            multiHotInput.expand(batch, buffers.denseInputValues);
        }
        for (int l = 0; l <= last; l++) {
            DenseSpec layer = spec.layers().get(l);
            INDArray z = buffers.activation(l);
            if (l == 0 && spec.sparseInput() && heapParams != null) {
                multiHotInput.forward(batch, heapParams, Math.toIntExact(spec.weightOffset(0)), p.firstBiases(),
                        buffers.activationValues(0));
            } else if (l == 0 && spec.sparseInput()) {
                multiHotInput.forward(batch, p.firstWeights(), p.firstBiases(), buffers.activationValues(0));
            } else {
                Nd4j.gemm(layerInput(l, buffers), p.weights(l), z, false, false, 1.0, 0.0);
                HostRows.addBias(buffers.activationValues(l), p.biasValues(l), batch.size(), layer.units());
            }
            if (l < last || !spec.loss().readsLogits()) {
                activate(layer.activation(), z, buffers.activationValues(l));
            }
        }
    }

    /**
     * The loss sum; with {@code withDelta}, also the output layer's delta {@code dMeanLoss/dz}
     * (the 1/rows of the mean enters here, so every gradient below is already a batch mean).
     */
    private double outputLoss(MultiHotBatch batch, BatchBuffers buffers, boolean withDelta) {
        int units = spec.outputUnits();
        double lossSum = spec.loss().lossSum(buffers.activationValues(last), batch.labels(), batch.size(), units,
                withDelta ? buffers.deltaValues(last) : null, 1.0 / batch.size());
        if (withDelta && !spec.loss().readsLogits()) {
            // mse gives dL/da; take it through the output activation to dL/dz
            spec.outputLayer().activation().backpropInPlace(
                    buffers.activation(last), buffers.delta(last), buffers.scratch(last));
        }
        return lossSum;
    }

    /**
     * From the output back: dW = input^T delta, db = column sums of delta,
     * and the previous layer's delta = f'(a) * (delta W^T).
     */
    private void backward(ParameterViews p, ParameterViews g, MultiHotBatch batch, BatchBuffers buffers) {
        backward(p, g, batch, buffers, null, null);
    }

    /** With {@code heapGrad}, the sparse first layer writes dW0 there. */
    private void backward(ParameterViews p, ParameterViews g, MultiHotBatch batch, BatchBuffers buffers,
                          float[] heapGrad, int[] touched) {
        for (int l = last; l >= 0; l--) {
            INDArray delta = buffers.delta(l);
            if (l == 0 && spec.sparseInput() && heapGrad != null) {
                multiHotInput.backward(batch, buffers.deltaValues(0), heapGrad, Math.toIntExact(spec.weightOffset(0)), touched);
            } else if (l == 0 && spec.sparseInput()) {
                // rows of W0 the batch does not touch get gradient 0, so the optimizer's dense update
                // is the same math as on the dense path
                multiHotInput.backward(batch, buffers.deltaValues(0), g.firstWeights());
            } else {
                Nd4j.gemm(layerInput(l, buffers), delta, g.weights(l), true, false, 1.0, 0.0);
            }
            HostRows.columnSums(buffers.deltaValues(l), g.biasValues(l), batch.size(), spec.layers().get(l).units());
            if (l > 0) {
                Nd4j.gemm(delta, p.weights(l), buffers.delta(l - 1), false, true, 1.0, 0.0);
                Activation previous = spec.layers().get(l - 1).activation();
                if (previous == Activation.RELU) {
                    HostRows.reluBackprop(buffers.activationValues(l - 1), buffers.deltaValues(l - 1),
                            batch.size() * spec.layers().get(l - 1).units());
                } else {
                    previous.backpropInPlace(buffers.activation(l - 1), buffers.delta(l - 1), buffers.scratch(l - 1));
                }
            }
        }
    }

    /** Relu on the host (one comparison a value, cheaper than a native call); the others through ND4J. */
    private static void activate(Activation activation, INDArray z, HostValues values) {
        if (activation == Activation.RELU) {
            HostRows.relu(values, values.length());
        } else {
            activation.applyInPlace(z);
        }
    }

    /** What layer {@code l} multiplies by its weights; for the dense first layer, the expanded rows. */
    private static INDArray layerInput(int l, BatchBuffers buffers) {
        return l == 0 ? buffers.denseInput : buffers.activation(l - 1);
    }

    /** Rows whose {@link PredictedClass} is their label. */
    private long countCorrect(MultiHotBatch batch, BatchBuffers buffers) {
        HostValues out = buffers.activationValues(last);
        int units = spec.outputUnits();
        Activation pending = spec.loss().readsLogits() ? spec.outputLayer().activation() : null;
        if (outputRow == null || outputRow.length != units) {
            outputRow = new float[units];
        }
        long correct = 0;
        for (int r = 0; r < batch.size(); r++) {
            if (PredictedClass.of(out, r, units, pending, outputRow) == batch.labels()[r]) {
                correct++;
            }
        }
        return correct;
    }

    /** Buffers for this batch size; an epoch sees two sizes (full batches and the last one). */
    private BatchBuffers buffers(int rows) {
        if (buffersByRows.size() > 4 && !buffersByRows.containsKey(rows)) {
            buffersByRows.clear();
        }
        return buffersByRows.computeIfAbsent(rows, n -> new BatchBuffers(spec, n, dtype));
    }
}
