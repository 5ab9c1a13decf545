package textnet.train;

import java.io.Serializable;

/**
 * What the driver broadcasts at the start of an epoch and gets back, averaged, at its end: the
 * flat parameter vector, the optimizer's flat state (rmsprop velocity, adam moments) and the step
 * count the optimizer has reached (Adam's bias correction needs it).
 */
public record TrainingState(float[] parameters, float[] optimizerState, long iteration) implements Serializable {
}
