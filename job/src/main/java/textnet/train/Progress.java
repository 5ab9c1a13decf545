package textnet.train;

import java.util.List;

/** Where training stands after {@code epoch} epochs: what a checkpoint saves and a resumed run starts from. */
public record Progress(int epoch, TrainingState state, List<EpochRecord> history) {
    public Progress {
        history = List.copyOf(history);
    }

    /** The record of the last epoch run (null before the first). */
    public EpochRecord last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }
}
