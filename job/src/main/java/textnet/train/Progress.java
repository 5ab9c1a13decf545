package textnet.train;

import java.util.List;

/** Where training stands after {@code epoch} epochs: what a checkpoint saves and a resumed run starts from. */
public record Progress(int epoch, TrainingState state, List<EpochRecord> history) {
    public Progress {
        history = List.copyOf(history);
    }
}
