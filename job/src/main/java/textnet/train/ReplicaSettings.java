package textnet.train;

import textnet.config.Averaging;
import textnet.config.OptimizerConfig;
import textnet.config.OptimizerName;
import textnet.config.TrainConfig;

import java.util.Locale;
import java.util.Optional;

/**
 * What each of K replicas trains with in an epoch, under {@code train.averaging} ({@link Averaging}).
 *
 * <p>Why split-batch works: K replicas that each take {@code ceil(B / K)}-row steps from the same start
 * take, between them, as many steps per epoch as one machine with batch B, and their average is (to
 * first order in the learning rate) one machine's trajectory with the K small gradients of each step
 * averaged into one gradient of B rows. rmsprop and adam divide each step by the gradient's running
 * RMS, which for a batch K times smaller is up to √K times larger (the gradient noise's variance grows
 * K times), so each replica's step would be up to √K times shorter; a learning rate √K times larger
 * gives back the step's length, and averaging K replicas divides the steps' noise variance by K, as one
 * batch of B rows would. sgd does not normalise: its learning rate stays.
 *
 * @param batchSize    rows per step in each replica
 * @param optimizer    the optimizer each replica steps with (the learning rate scaled, for split-batch)
 */
public record ReplicaSettings(int batchSize, OptimizerConfig optimizer) {

    /** Fewer training rows per replica than this, and a replica's task costs more than its work. */
    static final long FEW_ROWS_PER_REPLICA = 1_000;

    public static ReplicaSettings of(TrainConfig config, int replicas) {
        OptimizerConfig o = config.optimizer();
        if (Averaging.of(config.averaging()) == Averaging.PLAIN || replicas == 1) {
            return new ReplicaSettings(config.batchSize(), o);
        }
        int batch = (int) Math.max(1, ((long) config.batchSize() + replicas - 1) / replicas);
        double scale = OptimizerName.SGD.key().equals(o.name()) ? 1 : Math.sqrt(replicas);
        return new ReplicaSettings(batch, new OptimizerConfig(o.name(), o.learningRate() * scale, o.rho(),
                o.momentum(), o.beta1(), o.beta2(), o.epsilon()));
    }

    /**
     * A {@code note:} when the training data is too small for K replicas to help: more replicas than
     * rows in a batch (split-batch cannot split a step further), or so few rows per replica that the
     * tasks cost more than their work. Empty otherwise.
     */
    public static Optional<String> note(TrainConfig config, long trainRows) {
        int k = config.partitions();
        if (k == 1) {
            return Optional.empty();
        }
        if (Averaging.of(config.averaging()) == Averaging.SPLIT_BATCH && k > config.batchSize()) {
            return Optional.of(String.format(Locale.ROOT, "train.partitions %d is more than train.batch-size %d:"
                    + " each replica's step takes one row, so the replicas together take %d-row steps, not %d;"
                    + " more replicas than batch rows change the training and only add work", k,
                    config.batchSize(), k, config.batchSize()));
        }
        if (trainRows / k < FEW_ROWS_PER_REPLICA) {
            return Optional.of(String.format(Locale.ROOT, "train.partitions %d leaves each replica about %,d training"
                    + " rows an epoch: too few for %d replicas to help; fewer partitions train as well, faster",
                    k, trainRows / k, k));
        }
        return Optional.empty();
    }
}
