package textnet.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A dense layer over the layer below's activations: ND4J gemms on its staged weights. */
final class Dense extends DenseLayer {
    private final INDArray weights;
    private final INDArray weightGrad;

    Dense(LayerPlace place, DenseSpec shape, StagedParameters staged) {
        super(place, shape, staged);
        if (place.first()) {
            throw new IllegalArgumentException("a first layer reads multi-hot rows: MultiHotDense or ExpandedInputDense");
        }
        this.weights = staged.paramMatrix(offset, shape.inputs(), shape.units());
        this.weightGrad = staged.gradMatrix(offset, shape.inputs(), shape.units());
    }

    @Override
    public int stagedFrom() {
        return offset;
    }

    @Override
    void linear(LayerPass pass) {
        gemmLinear(pass.buffers().activation(index - 1), weights, pass);
    }

    @Override
    void weightGradient(LayerPass pass) {
        Nd4j.gemm(pass.buffers().activation(index - 1), pass.buffers().delta(index), weightGrad, true, false, 1.0, 0.0);
    }

    @Override
    void inputGradient(LayerPass pass) {
        Nd4j.gemm(pass.buffers().delta(index), weights, pass.buffers().delta(index - 1), false, true, 1.0, 0.0);
    }
}
