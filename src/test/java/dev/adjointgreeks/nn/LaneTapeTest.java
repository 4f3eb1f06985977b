package dev.adjointgreeks.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;

/**
 * The loss recorded with the samples as lanes of the block scalar ({@link LaneTape}) has the
 * gradient of the per-path tape and of the hand-written recursion: random networks (every
 * activation, one to three outputs), random batches whose last chunk is partial, with and without
 * weight decay, the same lane tape reused across batches of different sizes.
 */
class LaneTapeTest {

    @Test
    void samplesAsLanesGiveThePerPathTapesAndBackpropsGradient() {
        SplittableRandom r = new SplittableRandom(77);
        double worst = 0.0;
        for (int trial = 0; trial < 80; trial++) {
            Mlp net = BackpropIsReverseModeTest.randomNetwork(r, false);
            if (trial % 4 == 0) {   // several outputs too
                int[] s = net.sizes();
                s[s.length - 1] = 2 + r.nextInt(2);
                net = Mlp.initialised(s, net.activations(), Mlp.Init.XAVIER, r.nextLong());
            }
            // nonzero biases: with zero ones a layer of dead ReLUs feeds z = 0 exactly into the next, where
            // the tapes' max(z, 0) takes slope 1 and the hand-written derivative slope 0
            double[] q = net.parameters();
            for (int i = 0; i < q.length; i++) {
                q[i] += 0.1 * r.nextGaussian();
            }
            net = net.withParameters(q);
            int width = new int[] {1, 4, 16, 128}[trial % 4];
            LaneTape lanes = new LaneTape(net.inputs(), 0, width);
            for (int batch = 0; batch < 3; batch++) {
                int n = 1 + r.nextInt(3 * width + 5);   // partial last chunks, and batches below one chunk
                double[][] x = new double[n + 3][net.inputs()];
                double[][] y = new double[n + 3][net.outputs()];
                for (int i = 0; i < x.length; i++) {
                    for (int j = 0; j < x[i].length; j++) {
                        x[i][j] = r.nextGaussian();
                    }
                    for (int k = 0; k < y[i].length; k++) {
                        y[i][k] = r.nextGaussian();
                    }
                }
                int[] rows = new int[n];
                for (int i = 0; i < n; i++) {
                    rows[i] = r.nextInt(x.length);   // rows in any order, repeats allowed
                }
                double lambda = batch == 1 ? 0.01 : 0.0;
                double[] p = net.parameters();

                Tape tape = new Tape();
                Adj loss = Loss.meanSquared(net, tape.inputs(p), x, y, rows, lambda);
                double[] perPath = tape.gradient(loss);
                double[] bp = new double[p.length];
                double bpLoss = Backprop.lossAndGradient(net, p, x, y, rows, lambda, bp, new Backprop.Workspace(net));
                double[] lg = new double[p.length];
                double laneLoss = lanes.meanSquared(net, p, x, y, rows, lambda, lg);

                assertEquals(loss.getReal(), laneLoss, 1e-13 * Math.abs(loss.getReal()), "loss, trial " + trial);
                assertEquals(bpLoss, laneLoss, 1e-13 * Math.abs(bpLoss), "loss, trial " + trial);
                double scale = 0.0;
                for (double g : perPath) {
                    scale = Math.max(scale, Math.abs(g));
                }
                for (int i = 0; i < p.length; i++) {
                    // relative to the component, with a floor of 1e-12 of the largest (a component that
                    // sums terms of both signs can cancel to below the rounding of its terms)
                    double tol = 1e-12 * Math.max(Math.abs(perPath[i]), 1e-3 * scale);
                    assertEquals(perPath[i], lg[i], tol, "trial " + trial + " parameter " + i);
                    assertEquals(bp[i], lg[i], tol, "trial " + trial + " parameter " + i);
                    worst = Math.max(worst, Math.abs(lg[i] - perPath[i]) / Math.max(Math.abs(perPath[i]), 1e-300));
                }
            }
        }
        System.out.println("LaneTapeTest: largest relative difference to the per-path tape " + worst);
        assertTrue(worst < 1e-9, "largest relative difference " + worst);
    }

    /**
     * Differential training on lanes: the twin network (backpropagation to the inputs) recorded on
     * the block scalar and swept once more gives the per-path tape's loss and gradient, and the
     * hand-written twin pass's; every activation (ReLU's derivative decided lane by lane).
     */
    @Test
    void differentialTrainingOnLanesEqualsThePerPathTapeAndTheTwinPass() {
        SplittableRandom r = new SplittableRandom(31);
        Tape tape = new Tape();
        double worst = 0.0;
        for (int trial = 0; trial < 60; trial++) {
            Mlp net = DifferentialLossTest.randomOneOutputNetwork(r);
            if (trial % 6 == 0) {   // a ReLU hidden layer
                Activation[] acts = net.activations();
                acts[0] = Activation.RELU;
                net = new Mlp(net.sizes(), acts, net.parameters());
            }
            double[] q = net.parameters();
            for (int i = 0; i < q.length; i++) {
                q[i] += 0.1 * r.nextGaussian();   // nonzero biases: no z exactly at ReLU's kink
            }
            net = net.withParameters(q);
            int width = new int[] {1, 8, 32, 128}[trial % 4];
            int n = net.inputs();
            LaneTape lanes = new LaneTape(n, 1 + n, width);
            int m = 1 + r.nextInt(3 * width + 5);
            Object[] data = DifferentialLossTest.randomProblem(r, net, m);
            DifferentialLoss loss = DifferentialLoss.of((double[][]) data[0], (double[]) data[1], (double[][]) data[2],
                    trial % 5 != 0);
            int[] rows = new int[m];
            for (int i = 0; i < m; i++) {
                rows[i] = r.nextInt(m);
            }
            int batch = m + r.nextInt(3);   // part of a larger batch, as the surrogate trainer's chunks
            double[] p = net.parameters();
            double[] gTape = new double[p.length];
            double[] gLanes = new double[p.length];
            double[] gTwin = new double[p.length];
            double lTape = loss.tapeGradient(net, p, rows, batch, tape, gTape);
            double lLanes = loss.laneGradient(net, p, rows, batch, lanes, gLanes);
            loss.twinGradient(net, p, rows, batch, gTwin, new TwinNetwork.Workspace(net));
            assertEquals(lTape, lLanes, 1e-13 * Math.abs(lTape), "loss, trial " + trial);
            double scale = 0.0;
            for (double g : gTape) {
                scale = Math.max(scale, Math.abs(g));
            }
            for (int i = 0; i < p.length; i++) {
                double tol = 1e-12 * Math.max(Math.abs(gTape[i]), 1e-3 * scale);
                assertEquals(gTape[i], gLanes[i], tol, "trial " + trial + " parameter " + i);
                assertEquals(gTwin[i], gLanes[i], tol, "trial " + trial + " parameter " + i);
                worst = Math.max(worst, Math.abs(gLanes[i] - gTape[i]) / Math.max(Math.abs(gTape[i]), 1e-300));
            }
        }
        System.out.println("LaneTapeTest: differential, largest relative difference to the per-path tape " + worst);
        assertTrue(worst < 1e-9, "largest relative difference " + worst);
    }
}
