package textnet.nn;

/**
 * One named array of a layer's parameters as a model folder stores it: {@code name} is its key in the
 * layer's model.json entry and the tail of its file name ({@code layer-L-<name>.npy}), {@code shape}
 * Keras's (a Dense kernel {@code inputs x units}, its bias {@code units}), and its values are
 * {@code shape}'s product of floats at {@code offset} in the flat parameter vector, row-major.
 */
public record ParameterBlock(String name, int offset, int... shape) {

    public int size() {
        int size = 1;
        for (int d : shape) {
            size = Math.multiplyExact(size, d);
        }
        return size;
    }
}
