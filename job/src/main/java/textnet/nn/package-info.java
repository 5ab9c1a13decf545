/**
 * The local dense-network core each Spark task trains with.
 *
 * <p>{@link textnet.nn.NetworkSpec} describes the layers (built from the model config and the label
 * count) and the flat parameter layout {@code W0, b0, W1, b1, ...}; {@link textnet.nn.Network} runs
 * forward and backward passes over {@link textnet.nn.MultiHotBatch}es with the parameters in one
 * {@code [1, P]} vector, writing the gradient of the batch's mean loss into a caller's {@code [1, P]}
 * array. Precision is chosen per network: FLOAT to train, DOUBLE for gradient checks.
 *
 * <p>Where the time goes (IMDB net, batch 512, one thread): the first layer is computed in plain
 * Java from each row's active indices ({@code MultiHotInput}); the small layers after it are ND4J
 * gemms and in-place activations into buffers allocated once per batch size ({@code BatchBuffers}),
 * since allocating ND4J arrays costs more than these ops; losses and accuracy are short Java loops
 * over direct views of ND4J memory ({@code HostValues}).
 */
package textnet.nn;
