package textnet.text;

/**
 * Watches {@link VectorizedCorpus#of}: the corpus is read (and tokenized) by its first jobs, then
 * its later jobs read only what those kept, and {@link #next} is told as each of them starts, so that
 * the console can stop counting the reading and show that step instead (cli draws it). Vectorizing
 * never waits on it.
 */
public interface VectorizeSteps {

    /** Nobody watches. */
    VectorizeSteps NONE = step -> { };

    /** The step whose jobs start now, as the console names it, e.g. "Building rows". */
    void next(String step);
}
