package textnet.nn;

import textnet.text.DocVector;
import textnet.text.MultiHotBatch;
import textnet.text.MultiHotBlock;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The one way textnet runs a trained network forward outside training — validation, test metrics,
 * {@code predict} and the Spark ML transformer — {@link #ROWS} rows at a time, so a task holds one
 * batch of rows and outputs, never its partition.
 */
public final class ForwardPass {

    /** Rows per forward-only batch: large enough that the gemms dominate the per-call cost. */
    public static final int ROWS = 1024;

    private ForwardPass() {
    }

    /** A block's rows in stored order, {@link #ROWS} at a time. */
    public static void overBlock(MultiHotBlock block, java.util.function.Consumer<MultiHotBatch> action) {
        for (int from = 0; from < block.size(); from += ROWS) {
            action.accept(block.batch(from, Math.min(block.size(), from + ROWS)));
        }
    }

    /** What a batch of scored items becomes: one or more results per item, added to {@code out} in order. */
    @FunctionalInterface
    public interface Results<T, R> {
        /** @param outputs {@code items.size() x units} network outputs, row-major (see Network#predict) */
        void add(List<T> items, float[] outputs, List<R> out);
    }

    /**
     * Scores {@code items} lazily: pulls {@link #ROWS} of them, runs one forward pass over their
     * vectors, hands the batch and its outputs to {@code results}, and yields what it
     * produced before pulling more.
     */
    public static <T, R> Iterator<R> lazily(Iterator<T> items, Function<T, DocVector> vectorOf, Network network,
                                            float[] parameters, Results<T, R> results) {
        return new Iterator<>() {
            private final List<R> ready = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                while (next == ready.size() && items.hasNext()) {
                    ready.clear();
                    next = 0;
                    List<T> batch = new ArrayList<>(ROWS);
                    List<DocVector> vectors = new ArrayList<>(ROWS);
                    while (batch.size() < ROWS && items.hasNext()) {
                        T item = items.next();
                        batch.add(item);
                        vectors.add(vectorOf.apply(item));
                    }
                    results.add(batch, network.predict(parameters, MultiHotBatch.unlabelled(vectors)), ready);
                }
                return next < ready.size();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.get(next++);
            }
        };
    }
}
