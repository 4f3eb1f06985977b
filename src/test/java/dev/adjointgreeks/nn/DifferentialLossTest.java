package dev.adjointgreeks.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;

/**
 * Differential training's gradient: the engine's double reverse (the hand-written backpropagation
 * to the inputs, recorded on the tape and swept once more) equals the hand-written twin-network
 * pass in primitive arrays to 1e-10 of its largest component, and both equal central differences
 * of the loss.
 */
class DifferentialLossTest {

    static Object[] randomProblem(SplittableRandom r, Mlp net, int m) {
        int n = net.inputs();
        double[][] x = new double[m][n];
        double[] y = new double[m];
        double[][] d = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                x[i][j] = r.nextGaussian();
                d[i][j] = r.nextGaussian();
            }
            y[i] = r.nextGaussian();
        }
        return new Object[] {x, y, d};
    }

    static Mlp randomOneOutputNetwork(SplittableRandom r) {
        int depth = 1 + r.nextInt(4);
        int[] sizes = new int[depth + 1];
        sizes[0] = 1 + r.nextInt(4);
        for (int l = 1; l < depth; l++) {
            sizes[l] = 1 + r.nextInt(6);
        }
        sizes[depth] = 1;
        Activation[] smooth = {Activation.IDENTITY, Activation.TANH, Activation.SIGMOID, Activation.SOFTPLUS};
        Activation[] acts = new Activation[depth];
        for (int l = 0; l < depth; l++) {
            acts[l] = smooth[r.nextInt(smooth.length)];
        }
        return Mlp.initialised(sizes, acts, Mlp.Init.XAVIER, r.nextLong());
    }

    @Test
    void theHandWrittenTwinPassEqualsTheTapesDoubleReverseAndCentralDifferences() {
        SplittableRandom r = new SplittableRandom(12);
        Tape tape = new Tape();
        for (int trial = 0; trial < 60; trial++) {
            Mlp net = randomOneOutputNetwork(r);
            int m = 1 + r.nextInt(9);
            Object[] data = randomProblem(r, net, m);
            DifferentialLoss loss = DifferentialLoss.of((double[][]) data[0], (double[]) data[1], (double[][]) data[2],
                    trial % 5 != 0);
            int[] rows = new int[m];
            for (int i = 0; i < m; i++) {
                rows[i] = i;
            }
            double[] p = net.parameters();
            double[] gTape = new double[p.length];
            double[] gTwin = new double[p.length];
            double lTape = loss.tapeGradient(net, p, rows, tape, gTape);
            double lTwin = loss.twinGradient(net, p, rows, gTwin, new TwinNetwork.Workspace(net));
            double scale = 0;
            for (double g : gTape) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertEquals(lTape, lTwin, 1e-12 * Math.max(1, lTape), "loss, trial " + trial);
            for (int i = 0; i < p.length; i++) {
                assertEquals(gTape[i], gTwin[i], 1e-10 * scale, "trial " + trial + " parameter " + i);
            }
            // central differences of the loss in doubles, step 1e-6
            double h = 1e-6;
            TwinNetwork.Workspace ws = new TwinNetwork.Workspace(net);
            for (int i = 0; i < p.length; i++) {
                double[] up = p.clone();
                double[] dn = p.clone();
                up[i] += h;
                dn[i] -= h;
                double fd = (loss.loss(net.withParameters(up), rows, ws) - loss.loss(net.withParameters(dn), rows, ws))
                        / (2 * h);
                assertEquals(fd, gTape[i], 1e-6 * Math.max(1, scale), "trial " + trial + " central difference " + i);
            }
        }
    }

    @Test
    void theTwinNetworksInputGradientIsTheTapesGradientOfTheForwardPass() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 30; trial++) {
            Mlp net = randomOneOutputNetwork(r);
            double[] x = new double[net.inputs()];
            for (int j = 0; j < x.length; j++) {
                x[j] = r.nextGaussian();
            }
            Tape tape = new Tape();
            Adj[] xa = tape.inputs(x);
            double[] p = net.parameters();
            Adj[] pa = new Adj[p.length];
            for (int i = 0; i < p.length; i++) {
                pa[i] = tape.constant(p[i]);
            }
            double[] ad = tape.gradient(net.forward(pa, xa)[0]);
            double[] twin = new double[x.length];
            double v = TwinNetwork.valueAndGradient(net, p, x, twin, new TwinNetwork.Workspace(net));
            Decimal64[] pd = new Decimal64[p.length];
            for (int i = 0; i < p.length; i++) {
                pd[i] = new Decimal64(p[i]);
            }
            Decimal64[] xd = new Decimal64[x.length];
            Decimal64[] gd = new Decimal64[x.length];
            for (int j = 0; j < x.length; j++) {
                xd[j] = new Decimal64(x[j]);
            }
            Decimal64 vd = TwinNetwork.valueAndGradient(net, pd, xd, gd);
            assertEquals(net.forward(x)[0], v, 1e-14);
            assertEquals(v, vd.getReal(), 1e-14);
            for (int j = 0; j < x.length; j++) {
                assertEquals(ad[j], twin[j], 1e-13, "trial " + trial + " input " + j);
                assertEquals(ad[j], gd[j].getReal(), 1e-13);
            }
        }
    }
}
