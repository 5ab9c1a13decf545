package textnet.text;

import java.io.Serializable;

/** One vectorized document: its class index and the sorted vocabulary indices it contains. */
public record MultiHotRow(int label, int[] indices) implements Serializable {
}
