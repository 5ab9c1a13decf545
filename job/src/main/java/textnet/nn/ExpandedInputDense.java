package textnet.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The first layer over multi-hot rows expanded into a {@code rows x inputs} matrix of their values (0/1 for multi-hot)
 * ({@code model.input: dense}): one gemm each way, every row of {@code dW0} written. The reference
 * the sparse path is checked against (SparseDenseTest), and the faster one when rows are dense.
 */
final class ExpandedInputDense extends DenseLayer {
    private final MultiHotInput input;
    private final INDArray weights;
    private final INDArray weightGrad;

    ExpandedInputDense(LayerPlace place, DenseSpec shape, StagedParameters staged) {
        super(place, shape, staged);
        this.input = new MultiHotInput(shape.inputs(), shape.units());
        this.weights = staged.paramMatrix(offset, shape.inputs(), shape.units());
        this.weightGrad = staged.gradMatrix(offset, shape.inputs(), shape.units());
    }

    @Override
    public int stagedFrom() {
        return offset;
    }

    @Override
    void linear(LayerPass pass) {
        BatchBuffers buffers = pass.buffers();
        buffers.denseInput.assign(0);
        input.expand(pass.batch(), buffers.denseInputValues);
        gemmLinear(buffers.denseInput, weights, pass);
    }

    @Override
    void weightGradient(LayerPass pass) {
        Nd4j.gemm(pass.buffers().denseInput, pass.buffers().delta(index), weightGrad, true, false, 1.0, 0.0);
    }
}
