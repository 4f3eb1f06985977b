package dev.adjointgreeks.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** Cody's normal CDF against commons-math's erfc, in relative terms of the smaller tail. */
class NormalCdfTest {

    @Test
    void agreesWithErfcToAPartIn10To14OfTheSmallerTailWithinTheReferencesConditioning() {
        double worst = 0;
        for (int i = -37_000; i <= 8_500; i++) {
            double x = i * 1e-3 + 1.37e-7 * (i % 7);
            double tail = 0.5 * Erf.erfc(Math.abs(x) / Math.sqrt(2.0));   // P[Z > |x|]
            if (x > 0) {
                // P[Z <= x] near 1: absolute accuracy (its upper tail is the symmetric point's, checked below)
                assertEquals(1.0 - tail, NormalCdf.cdf(x), 6.7e-16, "x = " + x);   // 6 ulps of 1
                continue;
            }
            double mine = NormalCdf.cdf(x);
            double rel = Math.abs(mine - tail) / tail;
            worst = Math.max(worst, rel);
            // the reference's own error grows as x^2 ulps in the far tail (erfc is 3e-13 off at x = -33.8,
            // where Cody is exact to the last digit: see the high-precision values below)
            double tolerance = 1e-14 + 5e-16 * x * x;
            assertTrue(rel <= tolerance, "x = " + x + ": " + mine + " vs " + tail + " (relative " + rel + ")");
        }
        System.out.printf("normal CDF: largest relative difference from erfc of the smaller tail %.2e (x in [-37, 8.5])%n", worst);
    }

    /** {x, P[Z <= x]} to 17 digits, from the series {@code 1/2 - phi(x) sum x^(2n+1)/(2n+1)!!} in 420-digit decimals. */
    static final double[][] EXACT = {
        {-37.0, 5.72557122252457710e-300}, {-33.835000548000004, 3.01596960064918947e-251},
        {-25.0, 3.05669670638256102e-138}, {-20.0, 2.75362411860621665e-89}, {-10.0, 7.61985302416052545e-24},
        {-5.0, 2.86651571879193912e-07}, {-2.0, 2.27501319481792086e-02}, {-0.5, 3.08537538725986882e-01},
        {0.3, 6.17911422188952675e-01}, {1.0, 8.41344746068542926e-01}, {3.0, 9.98650101968369897e-01},
    };

    @Test
    void matchesHighPrecisionValuesToAPartIn10To14() {
        for (double[] e : EXACT) {
            assertEquals(e[1], NormalCdf.cdf(e[0]), 1e-14 * e[1], "x = " + e[0]);
        }
    }

    @Test
    void edgesAndSymmetry() {
        assertEquals(0.5, NormalCdf.cdf(0.0));
        assertEquals(0.0, NormalCdf.cdf(-40.0));
        assertEquals(1.0, NormalCdf.cdf(40.0));
        assertEquals(1.0, NormalCdf.cdf(Double.POSITIVE_INFINITY));
        assertEquals(0.0, NormalCdf.cdf(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(NormalCdf.cdf(Double.NaN)));
        for (double x = 0; x < 8; x += 0.0137) {
            assertEquals(1.0, NormalCdf.cdf(x) + NormalCdf.cdf(-x), 2e-16, "x = " + x);
        }
    }
}
