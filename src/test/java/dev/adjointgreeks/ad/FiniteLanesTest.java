package dev.adjointgreeks.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The eight-lane finiteness test agrees with one compare per lane, wherever the bad lane sits. */
class FiniteLanesTest {

    private static boolean reference(double[] p, int w) {
        for (int l = 0; l < w; l++) {
            if (!Double.isFinite(p[l])) {
                return false;
            }
        }
        return true;
    }

    @Test
    void agreesWithACompareOnEveryLane() {
        SplittableRandom r = new SplittableRandom(7);
        double[] bad = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        double[] edge = {0.0, -0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e-310, 1e300};
        int checked = 0;
        for (int w = 0; w <= 40; w++) {
            double[] p = new double[w + 3];
            for (int l = 0; l < p.length; l++) {
                p[l] = r.nextInt(4) == 0 ? edge[r.nextInt(edge.length)] : r.nextDouble(-1e6, 1e6);
            }
            assertEquals(reference(p, w), FiniteLanes.allFinite(p, w), "all finite, w " + w);
            for (int at = 0; at < w + 3; at++) {
                for (double b : bad) {
                    double keep = p[at];
                    p[at] = b;
                    assertEquals(reference(p, w), FiniteLanes.allFinite(p, w), "w " + w + " bad lane " + at + " " + b);
                    p[at] = keep;
                    checked++;
                }
            }
        }
        assertEquals(2_829, checked);   // 3 bad values x (w + 3) lanes, w = 0 .. 40
    }
}
