package dev.adjointgreeks.bench;

import java.util.SplittableRandom;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.nn.Activation;
import dev.adjointgreeks.nn.Backprop;
import dev.adjointgreeks.nn.LaneTape;
import dev.adjointgreeks.nn.Loss;
import dev.adjointgreeks.nn.Mlp;

/**
 * One training step (forward, backward, steepest-descent update) of a network with 4 hidden layers
 * of 20 softplus units on a batch of 1,000 samples of 5 inputs: by the tape, and by the
 * hand-written backpropagation in primitive doubles, and by the tape with the samples as lanes of the
 * block scalar ({@link LaneTape}).
 */
public final class TrainingStep {

    private final Mlp net;
    private final double[][] x;
    private final double[][] y;
    private final int[] rows;
    private final double[] p;
    private final double[] g;
    private final Tape tape = new Tape();
    private final Backprop.Workspace ws;
    private final LaneTape lanes;

    public TrainingStep(long seed) {
        int[] sizes = {5, 20, 20, 20, 20, 1};
        Activation[] acts = {Activation.SOFTPLUS, Activation.SOFTPLUS, Activation.SOFTPLUS, Activation.SOFTPLUS,
            Activation.IDENTITY};
        net = Mlp.initialised(sizes, acts, Mlp.Init.XAVIER, seed);
        SplittableRandom r = new SplittableRandom(seed);
        x = new double[1000][5];
        y = new double[1000][1];
        rows = new int[1000];
        for (int i = 0; i < 1000; i++) {
            for (int j = 0; j < 5; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i][0] = Math.sin(x[i][0]) + x[i][1] * x[i][2];
            rows[i] = i;
        }
        p = net.parameters();
        g = new double[p.length];
        ws = new Backprop.Workspace(net);
        lanes = new LaneTape(net);
    }

    /** Record the loss on the tape, one reverse sweep, update. Returns the loss. */
    public double tape() {
        tape.reset();
        Adj[] params = tape.inputs(p);
        Adj loss = Loss.meanSquared(net, params, x, y, rows, 0.0);
        double[] grad = tape.gradient(loss);
        for (int i = 0; i < p.length; i++) {
            p[i] -= 1e-3 * grad[i];
        }
        return loss.getReal();
    }

    /** The hand-written recursion in doubles, update. Returns the loss. */
    public double backprop() {
        Mlp current = net.withParameters(p);
        double loss = Backprop.lossAndGradient(current, p, x, y, rows, 0.0, g, ws);
        for (int i = 0; i < p.length; i++) {
            p[i] -= 1e-3 * g[i];
        }
        return loss;
    }

    /** The loss recorded on the block scalar, samples as lanes, one sweep per chunk, update. Returns the loss. */
    public double lanes() {
        double loss = lanes.meanSquared(net, p, x, y, rows, 0.0, g);
        for (int i = 0; i < p.length; i++) {
            p[i] -= 1e-3 * g[i];
        }
        return loss;
    }
}
