package textnet.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import textnet.text.MultiHotBatch;

/**
 * The test oracle for {@link Network}: the same function in double precision, written as plainly as
 * possible, so that central finite differences can check its gradient (GradientCheckTest) and the
 * production float path can be checked against it (to float precision). The layers' products are
 * textbook loops: the first layer either sums the rows of {@code W0} a row names, each times its value
 * (1 for multi-hot; a count or tf-idf otherwise: sparse input), or multiplies the expanded matrix of
 * the values (0/1 for multi-hot: dense input), exactly the two production first layers; the activations and losses are production's own (Activation on double arrays, Loss).
 * Dense layers only: a new kind of layer adds its textbook twin here. With class weights, the
 * training loss is Keras's weighted {@code sum_over_batch_size}: {@code sum_r w[y_r] loss_r / rows}.
 */
final class ReferenceNetwork {
    private final NetworkSpec spec;
    private final int last;
    private final ClassWeights classWeights;

    ReferenceNetwork(NetworkSpec spec) {
        this(spec, null);
    }

    /** @param classWeights the loss's class weights (null: none) */
    ReferenceNetwork(NetworkSpec spec, ClassWeights classWeights) {
        this.spec = spec;
        this.last = spec.layers().size() - 1;
        this.classWeights = classWeights;
    }

    /** The batch's mean (class-weighted) loss. */
    double meanLoss(double[] params, MultiHotBatch batch) {
        INDArray[] a = forward(params, batch);
        return loss(a[last], batch, null) / batch.size() + penalty(params);
    }

    /** {@code l1 * sum|W| + l2 * sum W^2} over every regularized kernel. */
    double penalty(double[] params) {
        double sum = 0;
        for (int l = 0; l <= last; l++) {
            if (spec.layers().get(l) instanceof DenseSpec d) {
                int w = (int) spec.weightOffset(l);
                for (int i = 0; i < d.weightCount(); i++) {
                    sum += d.regularizer().l1() * Math.abs(params[w + i]) + d.regularizer().l2() * params[w + i] * params[w + i];
                }
            }
        }
        return sum;
    }

    /*
     * Dropout layers and kernel regularizers (Keras's Dropout and L1L2): the penalties are added to
     * the loss and their gradient to the kernels'; a dropout layer's mask is fixed by a step's seed
     * (production's masks of that step, DropoutMask), so the function is smooth in the parameters and
     * finite differences apply. Without a seed dropout is the identity (inference).
     */

    /** The step's mask seed, or null for inference. */
    private Long maskSeed;

    /** The network of a training step whose masks come from {@code maskSeed}. */
    static ReferenceNetwork training(NetworkSpec spec, long maskSeed) {
        ReferenceNetwork network = new ReferenceNetwork(spec);
        network.maskSeed = maskSeed;
        return network;
    }

    /** Layer {@code l}'s dropout scale factors for {@code n} values: the step's mask, or ones in inference. */
    double[] mask(int l, int n) {
        double[] mask = new double[n];
        DropoutSpec dropout = (DropoutSpec) spec.layers().get(l);
        if (maskSeed == null) {
            java.util.Arrays.fill(mask, 1);
            return mask;
        }
        float[] scale = new float[n];
        DropoutMask.fill(maskSeed, l, dropout.rate(), scale, n);
        for (int i = 0; i < n; i++) {
            mask[i] = scale[i];
        }
        return mask;
    }

    /** The gradient of the batch's mean loss into {@code grad}; returns the loss sum. */
    double lossAndGradient(double[] params, MultiHotBatch batch, double[] grad) {
        int rows = batch.size();
        INDArray[] a = forward(params, batch);
        INDArray delta = Nd4j.create(DataType.DOUBLE, rows, spec.outputUnits());
        double lossSum = loss(a[last], batch, delta);
        if (!spec.loss().readsLogits()) {
            spec.outputLayer().activation().backpropInPlace(a[last], delta, a[last].dup());
        }
        for (int l = last; l >= 0; l--) {
            if (spec.layers().get(l) instanceof DropoutSpec) { // dL/d(input) = mask * dL/d(output)
                double[] m = mask(l, rows * spec.layers().get(l).units());
                double[] below = delta.data().asDouble().clone();
                for (int i = 0; i < below.length; i++) {
                    below[i] *= m[i];
                }
                delta = Nd4j.createFromArray(below).reshape('c', rows, spec.layers().get(l).units());
                backpropBelow(l, a, delta);
                continue;
            }
            DenseSpec layer = (DenseSpec) spec.layers().get(l);
            int w = (int) spec.weightOffset(l);
            int b = (int) spec.biasOffset(l);
            double[] x = l == 0 ? null : a[l - 1].data().asDouble();
            double[] d = delta.data().asDouble();
            for (int i = 0; i < layer.weightCount(); i++) {
                grad[w + i] = 0;
            }
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    double xi = l == 0 ? input(batch, r, i) : x[r * layer.inputs() + i];
                    for (int u = 0; u < layer.units(); u++) {
                        grad[w + i * layer.units() + u] += xi * d[r * layer.units() + u];
                    }
                }
            }
            for (int u = 0; u < layer.units(); u++) {
                double sum = 0;
                for (int r = 0; r < rows; r++) {
                    sum += d[r * layer.units() + u];
                }
                grad[b + u] = sum;
            }
            if (l > 0) {
                double[] below = new double[rows * layer.inputs()];
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < layer.inputs(); i++) {
                        double sum = 0;
                        for (int u = 0; u < layer.units(); u++) {
                            sum += d[r * layer.units() + u] * params[w + i * layer.units() + u];
                        }
                        below[r * layer.inputs() + i] = sum;
                    }
                }
                delta = Nd4j.createFromArray(below).reshape('c', rows, layer.inputs());
                backpropBelow(l, a, delta);
            }
            for (int i = 0; i < layer.weightCount(); i++) { // l1 * sign(W) + 2 * l2 * W
                grad[w + i] += layer.regularizer().l1() * Math.signum(params[w + i]) + 2 * layer.regularizer().l2() * params[w + i];
            }
        }
        return lossSum + penalty(params) * rows;
    }

    /** Takes {@code delta}, dL/d(output of layer l - 1), through that layer's activation when it is dense. */
    private void backpropBelow(int l, INDArray[] a, INDArray delta) {
        if (spec.layers().get(l - 1) instanceof DenseSpec below) {
            below.activation().backpropInPlace(a[l - 1], delta, a[l - 1].dup());
        }
    }

    /** Each layer's output (the last one's logits when the loss reads logits). */
    private INDArray[] forward(double[] params, MultiHotBatch batch) {
        int rows = batch.size();
        INDArray[] a = new INDArray[last + 1];
        for (int l = 0; l <= last; l++) {
            if (spec.layers().get(l) instanceof DropoutSpec dropout) {
                double[] x = a[l - 1].data().asDouble().clone();
                double[] m = mask(l, rows * dropout.units());
                for (int i = 0; i < x.length; i++) {
                    x[i] *= m[i];
                }
                a[l] = Nd4j.createFromArray(x).reshape('c', rows, dropout.units());
                continue;
            }
            DenseSpec layer = (DenseSpec) spec.layers().get(l);
            int w = (int) spec.weightOffset(l);
            int b = (int) spec.biasOffset(l);
            double[] x = l == 0 ? null : a[l - 1].data().asDouble();
            double[] z = new double[rows * layer.units()];
            for (int r = 0; r < rows; r++) {
                for (int u = 0; u < layer.units(); u++) {
                    double sum = params[b + u];
                    if (l == 0 && spec.sparseInput()) { // gather: the rows of W0 the indices name, times their values
                        for (int k = batch.rowOffsets()[r]; k < batch.rowOffsets()[r + 1]; k++) {
                            sum += batch.value(k) * params[w + batch.indices()[k] * layer.units() + u];
                        }
                    } else {
                        for (int i = 0; i < layer.inputs(); i++) {
                            double xi = l == 0 ? input(batch, r, i) : x[r * layer.inputs() + i];
                            sum += xi * params[w + i * layer.units() + u];
                        }
                    }
                    z[r * layer.units() + u] = sum;
                }
            }
            a[l] = Nd4j.createFromArray(z).reshape('c', rows, layer.units());
            if (l < last || !spec.loss().readsLogits()) {
                layer.activation().applyInPlace(a[l]);
            }
        }
        return a;
    }

    /**
     * The expanded matrix's entry: where row {@code r} names index {@code i}, its value (1 for a
     * multi-hot row), else 0.
     */
    private static double input(MultiHotBatch batch, int r, int i) {
        for (int k = batch.rowOffsets()[r]; k < batch.rowOffsets()[r + 1]; k++) {
            if (batch.indices()[k] == i) {
                return batch.value(k);
            }
        }
        return 0;
    }

    private double loss(INDArray out, MultiHotBatch batch, INDArray delta) {
        return spec.loss().lossSum(HostValues.of(out), batch.labels(), batch.labelOffsets(), batch.size(),
                spec.outputUnits(), delta == null ? null : HostValues.of(delta), 1.0 / batch.size(), null, classWeights);
    }
}
