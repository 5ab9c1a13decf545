package textnet.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** One line of the training history, as Keras's {@code History.history} holds it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpochRecord(
        int epoch, double loss, double accuracy,
        @JsonProperty("val_loss") Double valLoss, @JsonProperty("val_accuracy") Double valAccuracy,
        double seconds) {

    /** Keras's progress line: {@code Epoch 3/4 - 2.1s - loss: 0.2629 - accuracy: 0.9161 - ...}. */
    public String kerasLine(int epochs) {
        String line = String.format(Locale.ROOT, "Epoch %d/%d - %.1fs - loss: %.4f - accuracy: %.4f",
                epoch, epochs, seconds, loss, accuracy);
        if (valLoss != null) {
            line += String.format(Locale.ROOT, " - val_loss: %.4f - val_accuracy: %.4f", valLoss, valAccuracy);
        }
        return line;
    }
}
