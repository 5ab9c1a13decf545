package textnet.config;

import java.io.Serializable;

/**
 * A dense layer's {@code kernel-regularizer: {l1, l2}}, Keras's {@code regularizers.L1L2}: the loss
 * gains {@code l1 * sum|W| + l2 * sum W^2} over the layer's kernel (not its bias). A key left out is 0.
 */
public record RegularizerConfig(Double l1, Double l2) implements Serializable {
    public RegularizerConfig {
        l1 = l1 == null ? 0.0 : l1;
        l2 = l2 == null ? 0.0 : l2;
    }

    public RegularizerConfig(double l1, double l2) {
        this(Double.valueOf(l1), Double.valueOf(l2));
    }
}
