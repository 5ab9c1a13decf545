package textnet.train;

import java.io.Serializable;

/**
 * One partition's answer for one epoch: its parameters and optimizer state after its local steps,
 * and what it saw (rows, steps, the training loss and correct predictions summed over its batches).
 */
public record PartitionResult(
        float[] parameters, float[] optimizerState, long steps, long rows, double lossSum, long correct)
        implements Serializable {
}
