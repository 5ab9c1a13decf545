package textnet.nn;

/**
 * The first layer over multi-hot rows, read as index lists ({@code model.input: sparse}): its
 * {@code x W0} gathers the rows of {@code W0} a row's indices name ({@link MultiHotInput}), reading
 * {@code W0} from, and writing its gradient into, the caller's heap arrays; only its bias is staged.
 */
final class MultiHotDense extends DenseLayer {
    private final MultiHotInput input;

    MultiHotDense(LayerPlace place, DenseSpec shape, StagedParameters staged) {
        super(place, shape, staged);
        this.input = new MultiHotInput(shape.inputs(), shape.units());
    }

    @Override
    public int stagedFrom() {
        return biasOffset();
    }

    @Override
    void linear(LayerPass pass) {
        input.forward(pass.batch(), pass.params(), offset, bias, pass.buffers().activationValues(index));
    }

    /** Rows of {@code dW0} no input row touches get 0, or with {@code touched} are left stale. */
    @Override
    void weightGradient(LayerPass pass) {
        input.backward(pass.batch(), pass.buffers().deltaValues(index), pass.grad(), offset, pass.touched());
    }
}
