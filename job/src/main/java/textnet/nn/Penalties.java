package textnet.nn;

/**
 * The layers' regularization penalties (Keras's {@code model.losses}) and their gradients, over the
 * caller's heap arrays after a pass: Keras adds their sum once to each batch's mean loss, so the
 * network adds {@code rows x penalty} to a batch's loss sum, in training and evaluation alike.
 */
final class Penalties {

    private Penalties() {
    }

    /** The penalty of {@code params}; 0 (and no work) without a regularizer. */
    static double of(NetworkSpec spec, float[] params) {
        double sum = 0;
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            if (layer.regularized()) {
                sum += layer.penalty(params, Math.toIntExact(spec.weightOffset(l)));
            }
        }
        return sum;
    }

    /** Adds every penalty's gradient to {@code grad} and returns the penalty. */
    static double addGradient(NetworkSpec spec, float[] params, float[] grad) {
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            if (layer.regularized()) {
                layer.addPenaltyGradient(params, grad, Math.toIntExact(spec.weightOffset(l)));
            }
        }
        return of(spec, params);
    }

    /** Whether any layer has a penalty. */
    static boolean any(NetworkSpec spec) {
        return spec.layers().stream().anyMatch(LayerSpec::regularized);
    }
}
