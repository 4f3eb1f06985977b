package dev.adjointgreeks.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The eight-lane finiteness and NaN tests agree with one compare per lane, wherever the bad lane sits. */
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

    @Test
    void theNaNTestFindsANaNAndNotInfinitiesWhateverTheirSigns() {
        SplittableRandom r = new SplittableRandom(11);
        double[] values = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.0, -0.0, 1e308, -1e308};
        int checked = 0;
        for (int w = 0; w <= 40; w++) {
            for (int trial = 0; trial < 50; trial++) {
                double[] p = new double[w + 3];
                for (int l = 0; l < p.length; l++) {
                    p[l] = r.nextInt(3) == 0 ? values[r.nextInt(values.length)] : r.nextDouble(-1e6, 1e6);
                }
                boolean reference = true;
                for (int l = 0; l < w; l++) {
                    reference &= !Double.isNaN(p[l]);
                }
                assertEquals(reference, FiniteLanes.noNaN(p, w), "w " + w + " " + java.util.Arrays.toString(p));
                checked++;
            }
        }
        assertEquals(41 * 50, checked);
    }
}
