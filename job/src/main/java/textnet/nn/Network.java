package textnet.nn;

import textnet.text.MultiHotBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Forward and backward passes of a {@link NetworkSpec} over multi-hot batches, in float, with the
 * parameters in one flat heap array {@code W0, b0, W1, b1, ...} (see NetworkSpec). The network is a
 * list of {@link Layer}s run in order, then the loss; training keeps the array for a whole
 * partition-epoch so the optimizer updates it in place. One instance serves one thread at a time.
 *
 * <p>The double-precision twin the gradient checks use lives with the tests (ReferenceNetwork):
 * production has this one numeric API.
 */
public final class Network {
    private final NetworkSpec spec;
    private final int last;
    private final StagedParameters staged;
    private final List<Layer> layers;
    private final Map<Integer, BatchBuffers> buffersByRows = new HashMap<>();
    private final float[] outputRow;
    /** Weights of the training loss by class (null: every class 1); evaluation never uses them. */
    private final ClassWeights classWeights;

    public Network(NetworkSpec spec) {
        this(spec, null);
    }

    /** @param classWeights the training loss's class weights ({@link ClassWeights}; null: none) */
    public Network(NetworkSpec spec, ClassWeights classWeights) {
        this.spec = spec;
        this.classWeights = classWeights;
        this.last = spec.layers().size() - 1;
        this.staged = new StagedParameters(spec.parameterCount());
        List<Layer> built = new ArrayList<>();
        for (int l = 0; l <= last; l++) {
            boolean output = l == last;
            LayerPlace place = new LayerPlace(l, Math.toIntExact(spec.weightOffset(l)), output,
                    output && spec.loss().readsLogits(), spec.sparseInput());
            built.add(spec.layers().get(l).layer(place, staged));
        }
        this.layers = List.copyOf(built);
        staged.copyFrom(layers.stream().mapToInt(Layer::stagedFrom).min().orElse(0));
        this.outputRow = new float[spec.outputUnits()];
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Each layer's initial values (Keras's defaults), drawn in layer order from one seeded generator. */
    public float[] initialParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] params = new float[spec.parameterCount()];
        for (Layer layer : layers) {
            layer.initialize(params, random);
        }
        return params;
    }

    /**
     * Writes the gradient of the batch's mean loss into {@code grad} and returns the batch's loss
     * sum and correct count; with class weights both are of the weighted loss (Keras's training loss).
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
        return step(params, batch, grad, touched, false, 0);
    }

    /**
     * A training step: as {@link #lossAndGradient(float[], MultiHotBatch, float[], int[])}, with dropout
     * on, its masks drawn from {@code maskSeed} (textnet.nn.DropoutMask#stepSeed). The loss includes the
     * layers' regularization penalties, as Keras's training loss does.
     */
    public BatchStats lossAndGradient(float[] params, MultiHotBatch batch, float[] grad, int[] touched, long maskSeed) {
        return step(params, batch, grad, touched, true, maskSeed);
    }

    private BatchStats step(float[] params, MultiHotBatch batch, float[] grad, int[] touched, boolean training, long maskSeed) {
        if (touched != null && !spec.sparseInput()) {
            throw new IllegalArgumentException("touched rows only apply to the sparse input path");
        }
        if (touched != null && spec.layers().get(0).regularized()) {
            throw new IllegalArgumentException("a regularized first layer has a gradient in every row: pass touched = null");
        }
        if (batch.size() == 0) {
            Arrays.fill(grad, 0);
            return BatchStats.EMPTY;
        }
        LayerPass pass = forward(params, batch, grad, touched, training, maskSeed);
        double lossSum = outputLoss(pass, true);
        long correct = countCorrect(pass);
        for (int l = last; l >= 0; l--) {
            layers.get(l).backward(pass);
        }
        staged.storeGradient(grad);
        lossSum += Penalties.addGradient(spec, params, grad) * batch.size();
        return new BatchStats(lossSum, correct, batch.size());
    }

    /** Loss sum (with the regularization penalties, as Keras's {@code evaluate}) and correct count, forward pass only. */
    public BatchStats evaluate(float[] params, MultiHotBatch batch) {
        if (batch.size() == 0) {
            return BatchStats.EMPTY;
        }
        LayerPass pass = forward(params, batch, null, null, false, 0);
        return new BatchStats(outputLoss(pass, false) + Penalties.of(spec, params) * batch.size(), countCorrect(pass), batch.size());
    }

    /**
     * The outputs, {@code rows x outputUnits} row-major: probabilities (binary: P(class 1)), or the
     * raw outputs for mse.
     */
    public float[] predict(float[] params, MultiHotBatch batch) {
        if (batch.size() == 0) {
            return new float[0];
        }
        return outputValues(forward(params, batch, null, null, false, 0));
    }

    /** The outputs, each row's loss and the correct count together, from one forward pass (test evaluation). */
    public Scored score(float[] params, MultiHotBatch batch) {
        if (batch.size() == 0) {
            return new Scored(BatchStats.EMPTY, new float[0], new double[0]);
        }
        LayerPass pass = forward(params, batch, null, null, false, 0);
        double[] rowLosses = new double[batch.size()];
        double lossSum = spec.loss().lossSum(pass.buffers().activationValues(last), batch.labels(),
                batch.labelOffsets(), batch.size(), spec.outputUnits(), null, 1.0, rowLosses, null)
                + Penalties.of(spec, params) * batch.size();
        BatchStats stats = new BatchStats(lossSum, countCorrect(pass), batch.size());
        return new Scored(stats, outputValues(pass), rowLosses);
    }

    /**
     * {@link #predict}'s outputs (row-major) with {@link #evaluate}'s numbers, and the loss of each row
     * (without the regularization penalty, which belongs to the batch: {@code stats} include it).
     */
    public record Scored(BatchStats stats, float[] outputs, double[] rowLosses) {
    }

    /** Layer by layer; the output keeps its logits for a fused loss. */
    private LayerPass forward(float[] params, MultiHotBatch batch, float[] grad, int[] touched, boolean training, long maskSeed) {
        if (params.length != spec.parameterCount()) {
            throw new IllegalArgumentException("expected " + spec.parameterCount() + " parameters, got " + params.length);
        }
        staged.loadParameters(params);
        LayerPass pass = new LayerPass(batch, buffers(batch.size()), params, grad, touched, training, maskSeed);
        for (Layer layer : layers) {
            layer.forward(pass);
        }
        return pass;
    }

    /**
     * The loss sum; with {@code withDelta} (training), the class-weighted loss sum and the output
     * layer's delta {@code dMeanLoss/dz} (the 1/rows of the mean enters here, so every gradient below
     * is already a batch mean).
     */
    private double outputLoss(LayerPass pass, boolean withDelta) {
        BatchBuffers buffers = pass.buffers();
        MultiHotBatch batch = pass.batch();
        requireTargets(batch);
        double lossSum = spec.loss().lossSum(buffers.activationValues(last), batch.labels(), batch.labelOffsets(),
                batch.size(), spec.outputUnits(), withDelta ? buffers.deltaValues(last) : null, 1.0 / batch.size(),
                null, withDelta ? classWeights : null);
        if (withDelta && !spec.loss().readsLogits()) {
            // mse gives dL/da; take it through the output activation to dL/dz
            spec.outputLayer().activation().backpropInPlace(
                    buffers.activation(last), buffers.delta(last), buffers.scratch(last));
        }
        return lossSum;
    }

    /**
     * The outputs (row-major), the activation applied on the heap, so every path reports the same
     * bits (see Activation).
     */
    private float[] outputValues(LayerPass pass) {
        float[] values = pass.buffers().activation(last).dup().data().asFloat();
        if (spec.loss().readsLogits()) {
            spec.outputLayer().activation().applyInPlace(values, spec.outputUnits());
        }
        return values;
    }

    private void requireTargets(MultiHotBatch batch) {
        if (batch.multiLabel() != spec.multiLabel()) {
            throw new IllegalArgumentException(spec.multiLabel() ? "a multi-label network needs rows with sets of classes"
                    : "rows with sets of classes need a multi-label network");
        }
    }

    /**
     * Rows whose {@link PredictedClass} is their label; multi-label, rows whose predicted set is their
     * set exactly (subset accuracy).
     */
    private long countCorrect(LayerPass pass) {
        HostValues out = pass.buffers().activationValues(last);
        int units = spec.outputUnits();
        if (spec.multiLabel()) {
            return countExactSets(out, pass.batch(), units);
        }
        Activation pending = spec.loss().readsLogits() ? spec.outputLayer().activation() : null;
        long correct = 0;
        for (int r = 0; r < pass.rows(); r++) {
            if (PredictedClass.of(out, r, units, pending, outputRow) == pass.batch().labels()[r]) {
                correct++;
            }
        }
        return correct;
    }

    /** Multi-label rows whose classes above the threshold, from the probabilities as reported, are exactly theirs. */
    private long countExactSets(HostValues logits, MultiHotBatch batch, int units) {
        long correct = 0;
        for (int r = 0; r < batch.size(); r++) {
            int next = batch.labelsFrom(r);
            int end = batch.labelsFrom(r + 1);
            boolean exact = true;
            for (int j = 0; j < units && exact; j++) {
                boolean truth = next < end && batch.labels()[next] == j;
                if (truth) {
                    next++;
                }
                float p = (float) Loss.sigmoid(logits.get(r * units + j));
                exact = PredictedClass.inSet(p, spec.threshold()) == truth;
            }
            correct += exact ? 1 : 0;
        }
        return correct;
    }

    /** Buffers for this batch size; an epoch sees two sizes (full batches and the last one). */
    private BatchBuffers buffers(int rows) {
        if (buffersByRows.size() > 4 && !buffersByRows.containsKey(rows)) {
            buffersByRows.clear();
        }
        return buffersByRows.computeIfAbsent(rows, n -> new BatchBuffers(spec, n));
    }
}
