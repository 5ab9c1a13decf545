package textnet.optim;

import textnet.JobException;
import textnet.config.OptimizerConfig;
import textnet.config.OptimizerName;

/**
 * A first-order update rule with its state in one flat array, so the driver can average it across
 * partitions like the parameters (as DL4J on Spark averages its updater state).
 *
 * <p>Lifecycle: the driver creates the state zeroed, {@code stateSize(P)} floats, next to the
 * parameters; each task calls {@link #step} once per mini-batch with the running, 1-based iteration
 * count, updating parameters and state in place; at the end of an epoch the driver averages the
 * partitions' parameters and states (weighted by rows) and broadcasts both again. Training
 * calls {@link #finish} after its last step, before the state is returned. An instance holds
 * only scratch memory, is used by one thread at a time, and is cheap to create inside a task.
 */
public interface Optimizer {

    /** How many state values the rule keeps for {@code parameterCount} parameters. */
    int stateSize(int parameterCount);

    /**
     * Applies one update: {@code params} and {@code state} change in place, {@code grad} is read only
     * (training keeps all three on the heap for a partition-epoch). With
     * {@code sparse}, only those rows of the first layer's block of {@code grad} are valid; the rule
     * treats the others as zero, exactly (a rule may defer their state updates, see {@link #finish}).
     */
    void step(float[] params, float[] grad, float[] state, long iteration, SparseRows sparse);

    /**
     * Brings deferred state up to {@code iteration}, the last step taken; called before the state
     * leaves the task. A no-op for rules that defer nothing.
     */
    default void finish(float[] state, long iteration) {
    }

    /** The rule {@code config} names ({@link OptimizerName}: the names and each rule's state size). */
    static Optimizer of(OptimizerConfig config) {
        if (!OptimizerName.NAMES.contains(config.name())) {
            throw JobException.config("config key 'train.optimizer.name': '" + config.name() + "' is not one of "
                    + String.join(", ", OptimizerName.NAMES));
        }
        return switch (OptimizerName.of(config)) {
            case RMSPROP -> new RmsProp(config.learningRate(), config.rho(), config.epsilon());
            case ADAM -> new Adam(config.learningRate(), config.beta1(), config.beta2(), config.epsilon());
            case SGD -> new Sgd(config.learningRate(), config.momentum());
        };
    }
}
