package textnet.data;

import java.io.Serializable;
import java.util.List;

/**
 * One {@code <REUTERS>} document as the SGML gives it: the attributes the ModApte subsets use, the
 * {@code <D>} topics of its TOPICS element (empty when it has none) and its text (see {@link ReutersSgml}).
 */
public record ReutersDocument(String newId, String topicsAttribute, String lewisSplit, List<String> topics,
                              String text) implements Serializable {

    public ReutersDocument {
        topics = List.copyOf(topics);
    }
}
