package textnet.nn;

/**
 * Where a layer sits in its network, which decides how it reads its input and what it leaves to
 * the loss: its position, its block's offset in the flat vector, whether it is the output layer and
 * keeps its logits for a fused loss, and whether the network's rows arrive as index lists (sparse).
 */
record LayerPlace(int index, int offset, boolean output, boolean keepsLogits, boolean sparseInput) {

    boolean first() {
        return index == 0;
    }
}
