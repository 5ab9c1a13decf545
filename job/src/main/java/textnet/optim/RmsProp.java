package textnet.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * RMSprop as Keras 3 defines it (keras/src/optimizers/rmsprop.py, no momentum, not centered):
 * {@code v = rho v + (1 - rho) g^2;  p -= lr g / sqrt(v + eps)}. State: {@code v}, P values.
 */
public final class RmsProp implements Optimizer {
    private final double learningRate;
    private final double rho;
    private final double epsilon;
    private final Scratch scratch = new Scratch();
    private INDArray stateSeen;
    private INDArray velocity;

    public RmsProp(double learningRate, double rho, double epsilon) {
        this.learningRate = learningRate;
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    public int stateSize(int parameterCount) {
        return parameterCount;
    }

    @Override
    public void step(INDArray params, INDArray grad, INDArray state, long iteration) {
        if (state != stateSeen) {
            velocity = Scratch.statePart(state, 0, params);
            stateSeen = state;
        }
        INDArray t = scratch.like(params);
        velocity.muli(rho).addi(t.assign(grad).muli(grad).muli(1 - rho));
        Transforms.sqrt(t.assign(velocity).addi(epsilon), false);
        params.subi(t.rdivi(grad).muli(learningRate));
    }
}
