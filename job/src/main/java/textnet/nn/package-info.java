/**
 * The local dense-network core each Spark task trains with.
 *
 * <p>{@link textnet.nn.NetworkSpec} describes the layers (built from the model config and the label
 * count), the loss and the flat parameter layout {@code W0, b0, W1, b1, ...}; {@link textnet.nn.Network}
 * runs forward and backward passes over {@link textnet.text.MultiHotBatch}es in float, the parameters
 * and the gradient of the batch's mean loss in the caller's heap arrays. The network is a list of
 * layers ({@code Layer}: {@code MultiHotDense} or {@code ExpandedInputDense} first, then {@code Dense}),
 * each with its block of the flat vector, its initialisation and its forward and backward step; a
 * layer's spec also names its model-file entries ({@link textnet.nn.ParameterBlock}). The class a row
 * predicts is decided in one place, {@link textnet.nn.PredictedClass}. The double-precision oracle the
 * gradient checks use lives with the tests ({@code ReferenceNetwork}).
 *
 * <p>Where the time goes (IMDB net, batch 512, one thread): the first layer is computed in plain
 * Java from each row's active indices ({@code MultiHotInput}); the small layers after it are ND4J
 * gemms into buffers allocated once per batch size ({@code BatchBuffers}), since allocating ND4J
 * arrays costs more than these ops, with bias, relu and their gradients on the host ({@code HostRows});
 * losses and accuracy are short Java loops over direct views of ND4J memory ({@code HostValues}).
 */
package textnet.nn;
