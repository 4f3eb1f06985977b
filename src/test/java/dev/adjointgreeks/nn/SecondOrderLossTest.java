package dev.adjointgreeks.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Tape;

/**
 * The second-order term of differential training: the network's second input derivative by forward
 * tangents equals differences of its hand-written input gradient, and the term's weight gradient by
 * the lanes equals the tape's and central differences of the loss (1e-6 relative).
 */
class SecondOrderLossTest {

    @Test
    void theForwardTangentsSecondDerivativeEqualsDifferencesOfTheInputGradient() {
        SplittableRandom r = new SplittableRandom(21);
        for (int trial = 0; trial < 30; trial++) {
            Mlp net = DifferentialLossTest.randomOneOutputNetwork(r);
            int n = net.inputs();
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = r.nextGaussian();
            }
            double[] p = net.parameters();
            Decimal64[] pd = new Decimal64[p.length];
            for (int i = 0; i < p.length; i++) {
                pd[i] = new Decimal64(p[i]);
            }
            Decimal64[] xd = new Decimal64[n];
            for (int j = 0; j < n; j++) {
                xd[j] = new Decimal64(x[j]);
            }
            double c = TwinNetwork.secondDerivative(net, pd, xd, 0).getReal();
            double h = 1e-5;
            TwinNetwork.Workspace ws = new TwinNetwork.Workspace(net);
            double[] g = new double[n];
            double[] up = x.clone();
            double[] dn = x.clone();
            up[0] += h;
            dn[0] -= h;
            TwinNetwork.valueAndGradient(net, p, up, g, ws);
            double gUp = g[0];
            TwinNetwork.valueAndGradient(net, p, dn, g, ws);
            double fd = (gUp - g[0]) / (2 * h);
            assertEquals(fd, c, 1e-7 * Math.max(1, Math.abs(c)), "trial " + trial);
        }
    }

    @Test
    void theSecondOrderWeightGradientByLanesEqualsTheTapeAndCentralDifferences() {
        SplittableRandom r = new SplittableRandom(22);
        Tape tape = new Tape();
        for (int trial = 0; trial < 24; trial++) {
            Mlp net = DifferentialLossTest.randomOneOutputNetwork(r);
            int n = net.inputs();
            int m = 1 + r.nextInt(40);
            Object[] data = DifferentialLossTest.randomProblem(r, net, m);
            double[] curvature = new double[m];
            for (int i = 0; i < m; i++) {
                curvature[i] = r.nextGaussian();
            }
            DifferentialLoss loss = DifferentialLoss.of((double[][]) data[0], (double[]) data[1], (double[][]) data[2],
                    trial % 4 != 0).withSecondOrder(curvature, 0.1 + r.nextDouble());
            int[] rows = new int[m];
            for (int i = 0; i < m; i++) {
                rows[i] = i;
            }
            double[] p = net.parameters();
            double[] gTape = new double[p.length];
            double[] gLanes = new double[p.length];
            double lTape = loss.tapeGradient(net, p, rows, m, tape, gTape);
            LaneTape lanes = new LaneTape(n, loss.labelColumns(), new int[] {1, 8, 32}[trial % 3]);
            double lLanes = loss.laneGradient(net, p, rows, m, lanes, gLanes);
            TwinNetwork.Workspace ws = new TwinNetwork.Workspace(net);
            assertEquals(lTape, lLanes, 1e-13 * Math.abs(lTape), "loss, trial " + trial);
            assertEquals(loss.loss(net, rows, ws), lTape, 1e-12 * Math.abs(lTape), "loss in doubles, trial " + trial);
            double scale = 0.0;
            for (double g : gTape) {
                scale = Math.max(scale, Math.abs(g));
            }
            double h = 1e-6;
            for (int i = 0; i < p.length; i++) {
                assertEquals(gTape[i], gLanes[i], 1e-12 * Math.max(Math.abs(gTape[i]), 1e-3 * scale),
                        "trial " + trial + " parameter " + i);
                double[] up = p.clone();
                double[] dn = p.clone();
                up[i] += h;
                dn[i] -= h;
                double fd = (loss.loss(net.withParameters(up), rows, ws) - loss.loss(net.withParameters(dn), rows, ws))
                        / (2 * h);
                assertEquals(fd, gTape[i], 1e-6 * Math.max(1, scale), "trial " + trial + " central difference " + i);
            }
            double[] gTwin = new double[p.length];
            assertThrows(IllegalStateException.class, () -> loss.twinGradient(net, p, rows, m, gTwin, ws));
        }
    }
}
