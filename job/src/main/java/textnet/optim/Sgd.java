package textnet.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SGD with optional momentum as Keras 3 defines it (keras/src/optimizers/sgd.py, no Nesterov):
 * {@code velocity = momentum velocity - lr g;  p += velocity}; with momentum 0 plain {@code p -= lr g}
 * and no state.
 */
public final class Sgd implements Optimizer {
    private final double learningRate;
    private final double momentum;
    private final Scratch scratch = new Scratch();
    private INDArray stateSeen;
    private INDArray velocity;

    public Sgd(double learningRate, double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public int stateSize(int parameterCount) {
        return momentum == 0 ? 0 : parameterCount;
    }

    @Override
    public void step(INDArray params, INDArray grad, INDArray state, long iteration) {
        INDArray t = scratch.like(params);
        if (momentum == 0) {
            params.subi(t.assign(grad).muli(learningRate));
            return;
        }
        if (state != stateSeen) {
            velocity = Scratch.statePart(state, 0, params);
            stateSeen = state;
        }
        velocity.muli(momentum).subi(t.assign(grad).muli(learningRate));
        params.addi(velocity);
    }
}
