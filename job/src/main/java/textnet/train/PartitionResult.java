package textnet.train;

import java.io.Serializable;

/**
 * One partition's answer for one epoch: its parameters and optimizer state after its local steps,
 * and what it saw (rows, steps, the training loss and correct predictions summed over its batches).
 * {@code partition} places it in the driver's fixed summation order.
 */
public record PartitionResult(
        int partition, float[] parameters, float[] optimizerState, long steps, long rows, double lossSum, long correct)
        implements Serializable {
}
