package textnet.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Which {@link Layer} each layer of a {@link NetworkSpec} becomes: the first reads the multi-hot rows
 * (as index lists or expanded, per {@code model.input}), the others the layer below. The one place
 * that knows the kinds; the network itself only loops over them.
 */
final class Layers {

    private Layers() {
    }

    static List<Layer> of(NetworkSpec spec, StagedParameters staged) {
        List<Layer> layers = new ArrayList<>();
        int last = spec.layers().size() - 1;
        for (int l = 0; l <= last; l++) {
            DenseSpec shape = spec.layers().get(l);
            int offset = Math.toIntExact(spec.weightOffset(l));
            boolean output = l == last;
            boolean keepsLogits = output && spec.loss().readsLogits();
            if (l > 0) {
                layers.add(new Dense(l, shape, offset, output, keepsLogits, staged));
            } else if (spec.sparseInput()) {
                layers.add(new MultiHotDense(shape, offset, output, keepsLogits, staged));
            } else {
                layers.add(new ExpandedInputDense(shape, offset, output, keepsLogits, staged));
            }
        }
        return List.copyOf(layers);
    }
}
