package textnet.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam as Keras 3 defines it (keras/src/optimizers/adam.py, no amsgrad):
 * {@code m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;
 * p -= lr sqrt(1-b2^t)/(1-b1^t) * m / (sqrt(v) + eps)}, the bias correction folded into the step size
 * (so eps is not bias-corrected, unlike the paper's Algorithm 1). State: {@code m} then {@code v}, 2P values.
 */
public final class Adam implements Optimizer {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final Scratch scratch = new Scratch();
    private INDArray stateSeen;
    private INDArray firstMoment;
    private INDArray secondMoment;

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public int stateSize(int parameterCount) {
        return 2 * parameterCount;
    }

    @Override
    public void step(INDArray params, INDArray grad, INDArray state, long iteration) {
        if (iteration < 1) {
            throw new IllegalArgumentException("Adam's iteration count starts at 1, got " + iteration);
        }
        if (state != stateSeen) {
            firstMoment = Scratch.statePart(state, 0, params);
            secondMoment = Scratch.statePart(state, 1, params);
            stateSeen = state;
        }
        INDArray t = scratch.like(params);
        firstMoment.muli(beta1).addi(t.assign(grad).muli(1 - beta1));
        secondMoment.muli(beta2).addi(t.assign(grad).muli(grad).muli(1 - beta2));
        double stepSize = learningRate * Math.sqrt(1 - Math.pow(beta2, iteration)) / (1 - Math.pow(beta1, iteration));
        Transforms.sqrt(t.assign(secondMoment), false).addi(epsilon);
        params.subi(t.rdivi(firstMoment).muli(stepSize));
    }
}
