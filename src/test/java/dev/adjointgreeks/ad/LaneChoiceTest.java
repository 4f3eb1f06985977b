package dev.adjointgreeks.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The branch-free lane decisions take, bit for bit, the operand a plain compare takes, and write
 * its 0/1 partial (max and min also without one): on random lanes mixed with signed zeros, subnormals, the largest doubles,
 * infinities and NaN (with and without a NaN difference in the block), lane arrays and uniforms.
 */
class LaneChoiceTest {

    private static final double[] EDGE = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        Double.longBitsToDouble(0xfff8000000000000L), 1.0, -1.0};   // a NaN with its sign bit set, as x86 makes them

    private static double draw(SplittableRandom r, double edgeShare) {
        return r.nextDouble() < edgeShare ? EDGE[r.nextInt(EDGE.length)] : r.nextDouble(-2, 2);
    }

    private static double[] lanes(SplittableRandom r, int w, double edgeShare) {
        double[] x = new double[w];
        for (int l = 0; l < w; l++) {
            x[l] = draw(r, edgeShare);
        }
        return x;
    }

    private static void same(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void takesWhatTheCompareTakes() {
        SplittableRandom r = new SplittableRandom(11);
        int checked = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int w = 1 + r.nextInt(40);
            double share = trial % 3 == 0 ? 0.0 : trial % 3 == 1 ? 0.05 : 0.5;
            double[] x = lanes(r, w, share);
            double[] y = lanes(r, w, share);
            double[] cond = lanes(r, w, share);
            double c = draw(r, 0.5);
            boolean uniform = r.nextBoolean();
            double[] res = new double[w];
            double[] m = new double[w];
            for (int kind = 0; kind < 3; kind++) {
                if (kind == 0) {
                    LaneChoice.max(res, m, x, uniform ? null : y, c, w);
                } else if (kind == 1) {
                    LaneChoice.min(res, m, x, uniform ? null : y, c, w);
                } else {
                    LaneChoice.select(res, m, cond, x, uniform ? null : y, c, w);
                }
                for (int l = 0; l < w; l++) {
                    double u = x[l];
                    double v = uniform ? c : y[l];
                    boolean take = kind == 0 ? u >= v : kind == 1 ? u <= v : cond[l] > 0.0;
                    String what = "kind " + kind + " lane " + l + " x " + u + " y " + v + " cond " + cond[l];
                    same(take ? u : v, res[l], what);
                    same(take ? 1.0 : 0.0, m[l], what + " partial");
                    checked++;
                }
            }
            // without a mask (a passive replay), max and min take the same values
            double[] values = new double[w];
            for (int kind = 0; kind < 2; kind++) {
                if (kind == 0) {
                    LaneChoice.max(values, null, x, uniform ? null : y, c, w);
                } else {
                    LaneChoice.min(values, null, x, uniform ? null : y, c, w);
                }
                for (int l = 0; l < w; l++) {
                    double u = x[l];
                    double v = uniform ? c : y[l];
                    same(kind == 0 ? (u >= v ? u : v) : (u <= v ? u : v), values[l], "no mask, kind " + kind + " lane " + l);
                    checked++;
                }
            }
            double[] out = new double[w];
            LaneChoice.complement(out, m, w);
            for (int l = 0; l < w; l++) {
                same(1.0 - m[l], out[l], "complement");
            }
        }
        assertEquals(true, checked > 100_000, "lanes checked: " + checked);
    }
}
