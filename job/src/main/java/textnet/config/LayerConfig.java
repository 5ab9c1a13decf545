package textnet.config;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.Serializable;

/**
 * One entry of {@code model.layers}: either a hidden {@code Dense(units, activation)}, optionally with
 * a {@code kernel-regularizer} (Keras's {@code kernel_regularizer=regularizers.l1_l2(l1, l2)}), or a
 * {@code Dropout(rate)} written {@code {dropout: RATE}} (Keras's {@code layers.Dropout(rate)}).
 * Which one it is follows from its keys; {@link LayerRules} refuses a mix of the two. Keys not given
 * are left out when the config is saved, so a config without the new keys saves as it always has.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerConfig(Integer units, String activation, RegularizerConfig kernelRegularizer, Double dropout)
        implements Serializable {

    /** A dense layer without a regularizer, as the tutorials write it. */
    public LayerConfig(int units, String activation) {
        this(units, activation, null, null);
    }

    /** A dropout layer. */
    public static LayerConfig dropout(double rate) {
        return new LayerConfig(null, null, null, rate);
    }

    /** A dropout layer. (Not {@code isDropout}: Jackson would read that as a second "dropout" key.) */
    public boolean dropsOut() {
        return dropout != null;
    }
}
