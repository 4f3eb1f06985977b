package dev.adjointgreeks.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;

/**
 * The seed's claim, executable: backpropagation is reverse-mode automatic differentiation.
 *
 * <p>On random networks (depths 1 to 4, random widths and activations) and random batches, the
 * gradient of the loss from the textbook recursion written by hand ({@link Backprop}) equals the
 * gradient from one reverse sweep of the tape over the recorded loss ({@link Loss}) to within
 * 1e-12 of its largest component, and both equal central differences within the step's error.
 */
class BackpropIsReverseModeTest {

    static Mlp randomNetwork(SplittableRandom r, boolean smoothOnly) {
        int depth = 1 + r.nextInt(4);
        int[] sizes = new int[depth + 1];
        sizes[0] = 1 + r.nextInt(4);
        for (int l = 1; l <= depth; l++) {
            sizes[l] = 1 + r.nextInt(6);
        }
        Activation[] acts = new Activation[depth];
        Activation[] choices = Activation.values();
        for (int l = 0; l < depth; l++) {
            do {
                acts[l] = choices[r.nextInt(choices.length)];
            } while (smoothOnly && acts[l] == Activation.RELU);
        }
        return Mlp.initialised(sizes, acts, Mlp.Init.XAVIER, r.nextLong());
    }

    @Test
    void handWrittenBackpropEqualsTheTapesReverseSweepEqualsCentralDifferences() {
        SplittableRandom r = new SplittableRandom(2026);
        for (int trial = 0; trial < 60; trial++) {
            Mlp net = randomNetwork(r, false);
            int n = 1 + r.nextInt(12);
            double[][] x = new double[n][net.inputs()];
            double[][] y = new double[n][net.outputs()];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < x[i].length; j++) {
                    x[i][j] = r.nextGaussian();
                }
                for (int k = 0; k < y[i].length; k++) {
                    y[i][k] = r.nextGaussian();
                }
            }
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            double lambda = trial % 3 == 0 ? 0.01 : 0.0;
            double[] p = net.parameters();

            // 1. reverse-mode AD: record the loss, sweep once
            Tape tape = new Tape();
            Adj loss = Loss.meanSquared(net, tape.inputs(p), x, y, rows, lambda);
            double[] ad = tape.gradient(loss);

            // 2. backpropagation by hand, in doubles and on the passive field
            double[] bp = new double[p.length];
            double bpLoss = Backprop.lossAndGradient(net, p, x, y, rows, lambda, bp, new Backprop.Workspace(net));
            Decimal64[] pd = new Decimal64[p.length];
            Decimal64[] gd = new Decimal64[p.length];
            for (int i = 0; i < p.length; i++) {
                pd[i] = new Decimal64(p[i]);
            }
            Backprop.lossAndGradient(net, pd, x, y, rows, lambda, gd);

            double scale = 0;
            for (double g : ad) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertEquals(loss.getReal(), bpLoss, 1e-12 * Math.max(1, loss.getReal()));
            for (int i = 0; i < p.length; i++) {
                assertEquals(ad[i], bp[i], 1e-12 * scale, "trial " + trial + " parameter " + i);
                assertEquals(bp[i], gd[i].getReal(), 1e-12 * scale);
            }
            // 3. both against central differences, step 1e-6: truncation ~1e-12, rounding ~1e-10
            double h = 1e-6;
            for (int i = 0; i < p.length; i++) {
                double[] up = p.clone();
                double[] dn = p.clone();
                up[i] += h;
                dn[i] -= h;
                double fd = (Loss.meanSquared(net.withParameters(up), x, y, rows, lambda)
                        - Loss.meanSquared(net.withParameters(dn), x, y, rows, lambda)) / (2 * h);
                assertEquals(fd, ad[i], 1e-7 * Math.max(1, scale), "trial " + trial + " central difference " + i);
            }
        }
    }

    /**
     * The hand-written backward pass recorded on the tape and differentiated once more: the
     * derivative of one gradient component equals the central difference of that component.
     */
    @Test
    void theBackwardPassCanItselfBeDifferentiated() {
        SplittableRandom r = new SplittableRandom(7);
        Mlp net = randomNetwork(r, true);
        double[][] x = {{0.3, -0.2, 0.5, 0.1}, {-1.0, 0.4, 0.2, 0.0}};
        double[][] y = {{0.5}, {-0.5}};
        double[][] xs = new double[2][net.inputs()];
        double[][] ys = new double[2][net.outputs()];
        for (int i = 0; i < 2; i++) {
            System.arraycopy(x[i], 0, xs[i], 0, net.inputs());
            java.util.Arrays.fill(ys[i], y[i][0]);
        }
        int[] rows = {0, 1};
        double[] p = net.parameters();
        Tape tape = new Tape();
        Adj[] pa = tape.inputs(p);
        Adj[] g = new Adj[p.length];
        Backprop.lossAndGradient(net, pa, xs, ys, rows, 0.0, g);
        int k = 0;
        double[] hessianRow = tape.gradient(g[k]);
        double h = 1e-5;
        for (int j = 0; j < p.length; j++) {
            double[] up = p.clone();
            double[] dn = p.clone();
            up[j] += h;
            dn[j] -= h;
            double[] gu = new double[p.length];
            double[] gdn = new double[p.length];
            Backprop.lossAndGradient(net, up, xs, ys, rows, 0.0, gu, new Backprop.Workspace(net));
            Backprop.lossAndGradient(net, dn, xs, ys, rows, 0.0, gdn, new Backprop.Workspace(net));
            assertEquals((gu[k] - gdn[k]) / (2 * h), hessianRow[j], 1e-6, "d2L / dp0 dp" + j);
        }
    }
}
