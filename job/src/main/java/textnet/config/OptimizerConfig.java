package textnet.config;

import java.io.Serializable;

/** Optimizer and its hyper-parameters; the defaults are Keras's. */
public record OptimizerConfig(
        String name, double learningRate, double rho, double momentum,
        double beta1, double beta2, double epsilon) implements Serializable {
}
