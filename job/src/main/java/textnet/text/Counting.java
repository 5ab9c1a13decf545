package textnet.text;

import org.apache.spark.util.LongAccumulator;

import java.util.Iterator;

/** Counts the elements a task has taken from an iterator so far, for the console's progress line. */
final class Counting {

    private Counting() {
    }

    /** {@code items} as they are, adding one to {@code done} per item handed out; {@code items} itself when done is null. */
    static <T> Iterator<T> iterator(Iterator<T> items, LongAccumulator done) {
        if (done == null) {
            return items;
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public T next() {
                T item = items.next();
                done.add(1);
                return item;
            }
        };
    }
}
