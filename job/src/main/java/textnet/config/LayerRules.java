package textnet.config;

import textnet.JobException;

import java.util.List;

/**
 * The checks of {@code model.layers} that binding cannot express, each failure one line naming its
 * key: a dense entry needs {@code units} and {@code activation} and may carry a
 * {@code kernel-regularizer} whose factors are finite and non-negative; a dropout entry
 * ({@code {dropout: RATE}}) takes only its rate, in [0, 1) as Keras's Dropout requires, and follows
 * a dense layer (dropout on the multi-hot input itself is not offered).
 */
final class LayerRules {

    private LayerRules() {
    }

    static void check(List<LayerConfig> layers, List<String> activations) {
        for (int i = 0; i < layers.size(); i++) {
            LayerConfig l = layers.get(i);
            String key = "model.layers." + i;
            require(l != null, key, "must be {units, activation} or {dropout: RATE}");
            if (l.dropsOut()) {
                checkDropout(l, key, i);
            } else {
                checkDense(l, key, activations);
            }
        }
    }

    private static void checkDropout(LayerConfig l, String key, int index) {
        require(l.units() == null, key + ".units", "is not a key of a dropout layer (it takes only 'dropout')");
        require(l.activation() == null, key + ".activation", "is not a key of a dropout layer (it takes only 'dropout')");
        require(l.kernelRegularizer() == null, key + ".kernel-regularizer",
                "is not a key of a dropout layer (it takes only 'dropout')");
        double rate = l.dropout();
        require(rate >= 0 && rate < 1, key + ".dropout", "must be in [0, 1), the fraction of units dropped");
        require(index > 0, key + ".dropout", "must follow a dense layer (dropout of the multi-hot input is not supported)");
    }

    private static void checkDense(LayerConfig l, String key, List<String> activations) {
        require(l.units() != null, key + ".units", "is missing (a layer is {units, activation} or {dropout: RATE})");
        require(l.units() >= 1, key + ".units", "must be at least 1");
        if (l.activation() == null || !activations.contains(l.activation())) { // ConfigValidator's wording for a name
            throw JobException.config("config key '" + key + ".activation': '" + l.activation() + "' is not one of "
                    + String.join(", ", activations));
        }
        RegularizerConfig r = l.kernelRegularizer();
        if (r != null) {
            require(r.l1() >= 0 && Double.isFinite(r.l1()), key + ".kernel-regularizer.l1", "must be 0 or a positive number");
            require(r.l2() >= 0 && Double.isFinite(r.l2()), key + ".kernel-regularizer.l2", "must be 0 or a positive number");
        }
    }

    private static void require(boolean ok, String key, String what) {
        if (!ok) {
            throw JobException.config("config key '" + key + "' " + what);
        }
    }
}
