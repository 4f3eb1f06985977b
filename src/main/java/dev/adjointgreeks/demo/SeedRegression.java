package dev.adjointgreeks.demo;

import dev.adjointgreeks.nn.Activation;
import dev.adjointgreeks.nn.Mlp;
import dev.adjointgreeks.nn.Trainer;

/**
 * The seed's linear regression once more, as a network: one input, one output, no hidden layer,
 * identity activation, no normalisation, trained by full-batch steepest descent with the gradient
 * from the tape's reverse sweep. It lands on the dual-number result to the last digit.
 */
public final class SeedRegression {

    private SeedRegression() {
    }

    /** Returns {c, m} (bias and weight) after {@code steps} steps from (0.1, 0.1) at rate 0.04. */
    public static double[] train(int steps) {
        double[][] x = new double[SeedExamples.XS.length][1];
        double[][] y = new double[SeedExamples.YS.length][1];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = SeedExamples.XS[i];
            y[i][0] = SeedExamples.YS[i];
        }
        Mlp net = new Mlp(new int[] {1, 1}, new Activation[] {Activation.IDENTITY}, new double[] {0.1, 0.1});
        Trainer.Config c = new Trainer.Config(Trainer.Optimizer.GD, SeedExamples.LEARNING_RATE, 1.0, x.length, steps,
                0.0, 0.0, 0, 1L, Trainer.Gradient.TAPE, 0.0);
        double[] p = Trainer.train(net, x, y, c, null).network().parameters();
        return new double[] {p[1], p[0]};
    }
}
