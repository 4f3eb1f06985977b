package dev.adjointgreeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

/**
 * Every rejection, constructed on purpose, with its exact column, message and value. Surfaces here
 * have no carry (forward = spot = 100), so each expiry's nodes sit at the same log-moneyness.
 */
class SurfaceChecksTest {

    private static final Decimal64 SPOT = new Decimal64(100.0);
    private static final List<String> STRIKES = List.of("90", "100", "110");

    private static VolSurface<Decimal64> build(List<String> expiries, List<String> strikes, double[][] vols) {
        SurfaceAxes axes = SurfaceAxes.parse(expiries, strikes, StrikeKind.ABSOLUTE);
        return VolSurface.of(axes, Surfaces.lift(vols, SPOT, Decimal64::new), SPOT, t -> SPOT);
    }

    private static SurfaceException rejects(List<String> expiries, List<String> strikes, double[][] vols) {
        return assertThrows(SurfaceException.class, () -> build(expiries, strikes, vols));
    }

    private static void assertError(SurfaceException e, String column, String message, String value) {
        assertEquals(column, e.column());
        assertEquals(message, e.getMessage());
        assertEquals(value, e.value());
    }

    @Test
    void calendarArbitrageNamesBothExpiriesTheStrikeAndTheVols() {
        SurfaceException e = rejects(List.of("6M", "1Y"), STRIKES, new double[][] {
            {0.25, 0.25, 0.25}, {0.17, 0.17, 0.17}});
        assertError(e, "vol_surface", "calendar arbitrage between 6M and 1Y at strike 90 (vols 0.25, 0.17)", null);
    }

    @Test
    void calendarArbitrageAtOneStrikeOnly() {
        // w(6M) = 0.5 * 0.22^2 = 0.0242 > w(1Y) = 0.15^2 = 0.0225 at 110 only.
        SurfaceException e = rejects(List.of("6M", "1Y"), STRIKES, new double[][] {
            {0.2, 0.2, 0.22}, {0.2, 0.2, 0.15}});
        assertError(e, "vol_surface", "calendar arbitrage between 6M and 1Y at strike 110 (vols 0.22, 0.15)", null);
    }

    @Test
    void butterflyArbitrageNamesTheQuoteAndTheDenominator() {
        // A spike at 100: w'' << 0 there, so g(0) = 1 + w''/2 < 0, and the natural spline's overshoot
        // beside it may fail first. The first failing node and its denominator are recomputed here from
        // commons-math's natural spline, independently of SmileSpline.
        List<String> strikes = List.of("80", "90", "100", "110", "120");
        double[][] vols = {{0.2, 0.2, 0.4, 0.2, 0.2}};
        SurfaceException e = rejects(List.of("1Y"), strikes, vols);
        double[] k = new double[5];
        double[] w = new double[5];
        for (int j = 0; j < 5; j++) {
            k[j] = Math.log(Double.parseDouble(strikes.get(j)) / 100.0);
            w[j] = vols[0][j] * vols[0][j];
        }
        PolynomialSplineFunction s = new SplineInterpolator().interpolate(k, w);
        // first failing node, in strike order
        String expected = null;
        for (int j = 0; j < 5 && expected == null; j++) {
            double wk = s.derivative().value(k[j]);
            double wkk = j == 0 || j == 4 ? 0.0 : s.polynomialSplineDerivative().derivative().value(k[j]);
            double g = 1 - k[j] * wk / w[j] + 0.25 * (-0.25 - 1 / w[j] + k[j] * k[j] / (w[j] * w[j])) * wk * wk
                    + 0.5 * wkk;
            if (g <= 0) {
                expected = "butterfly arbitrage at 1Y strike " + strikes.get(j) + " (vol " + vols[0][j]
                        + "): Dupire's denominator " + SurfaceChecks.fmt(g) + " <= 0";
            }
        }
        assertNotNull(expected, "the oracle finds a failing node too");
        assertError(e, "vol_surface", expected, null);
    }

    @Test
    void wingSlopeBeyondLeesBoundIsRejected() {
        // w drops from 0.5 to 0.1 over k in [-0.105, 0]: the low wing would fall faster than -2.
        List<String> strikes = List.of("90", "100", "110");
        double[][] vols = {{Math.sqrt(0.5), Math.sqrt(0.1), Math.sqrt(0.09)}};
        SurfaceException e = rejects(List.of("1Y"), strikes, vols);
        double[] k = {Math.log(0.9), 0.0, Math.log(1.1)};
        double[] w = {0.5, 0.1, 0.09};
        double slope = new SplineInterpolator().interpolate(k, w).derivative().value(k[0]);
        assertEquals("wing arbitrage at 1Y: total variance slope " + SurfaceChecks.fmt(slope)
                + " in log-moneyness below strike 90 is outside Lee's bound (-2, 0]", e.getMessage());
        assertEquals("vol_surface", e.column());
    }

    @Test
    void raggedRowsAndWrongRowCountsAreRejected() {
        assertError(rejects(List.of("6M", "1Y"), STRIKES, new double[][] {{0.2, 0.2, 0.2}, {0.2, 0.2}}),
                "vol_surface.vols", "row 2 (1Y) has 2 vols, expected one per strike (3)", null);
        assertError(rejects(List.of("6M", "1Y"), STRIKES, new double[][] {{0.2, 0.2, 0.2}}),
                "vol_surface.vols", "has 1 rows, expected one per expiry (2)", null);
    }

    @Test
    void nonPositiveAndNonFiniteVolsAreRejected() {
        assertError(rejects(List.of("6M", "1Y"), STRIKES, new double[][] {{0.2, 0.2, 0.2}, {0.2, 0.0, 0.2}}),
                "vol_surface.vols", "vol 1Y/100 must be a positive finite number", "0.0");
        assertError(rejects(List.of("6M", "1Y"), STRIKES, new double[][] {{-0.1, 0.2, 0.2}, {0.2, 0.2, 0.2}}),
                "vol_surface.vols", "vol 6M/90 must be a positive finite number", "-0.1");
        assertError(rejects(List.of("6M", "1Y"), STRIKES, new double[][] {{0.2, 0.2, Double.NaN}, {0.2, 0.2, 0.2}}),
                "vol_surface.vols", "vol 6M/110 must be a positive finite number", "NaN");
    }

    @Test
    void unsortedAndMalformedAxesAreRejected() {
        double[][] vols = Surfaces.flat(2, 3, 0.2);
        assertError(rejects(List.of("1Y", "6M"), STRIKES, vols), "vol_surface.expiries",
                "expiries must be strictly increasing: 6M follows 1Y", "6M");
        assertError(rejects(List.of("12M", "1Y"), STRIKES, vols), "vol_surface.expiries",
                "expiries must be strictly increasing: 1Y follows 12M", "1Y");
        assertError(rejects(List.of("6M", "1Y"), List.of("90", "110", "100"), vols), "vol_surface.strikes",
                "strikes must be strictly increasing: 100 follows 110", "100");
        assertError(rejects(List.of("6M", "1Y"), List.of("0", "100", "110"), vols), "vol_surface.strikes",
                "strike 0 must be a positive finite number", "0");
        assertError(rejects(List.of("6M", "1Q"), STRIKES, vols), "vol_surface.expiries",
                "unknown tenor word: expected <n>D, <n>W, <n>M, <n>Y (n a positive whole number) or a year fraction > 0",
                "1Q");
        assertError(rejects(List.of("6M", "1Y"), List.of("90", "x"), new double[][] {{0.2, 0.2}, {0.2, 0.2}}),
                "vol_surface.strikes", "'x' is not a strike", "x");
        assertError(rejects(List.of("6M"), List.of("100"), new double[][] {{0.2}}), "vol_surface.strikes",
                "needs at least 2 strikes, has 1", null);
        assertError(rejects(List.of(), STRIKES, new double[0][]), "vol_surface.expiries",
                "needs at least 1 expiry, has 0", null);
        SurfaceException m = assertThrows(SurfaceException.class, () -> SurfaceAxes.parse(List.of("1Y"),
                List.of("0.9", "0.8"), StrikeKind.MONEYNESS));
        assertError(m, "vol_surface.moneyness", "strikes must be strictly increasing: 0.8 follows 0.9", "0.8");
    }

    @Test
    void tenorsParseAsDocumented() {
        assertEquals(1.0 / 12, SurfaceAxes.yearFraction("1M"));
        assertEquals(18.0 / 12, SurfaceAxes.yearFraction("18M"));
        assertEquals(2.0, SurfaceAxes.yearFraction("2Y"));
        assertEquals(10.0 / 365, SurfaceAxes.yearFraction("10D"));
        assertEquals(21.0 / 365, SurfaceAxes.yearFraction("3W"));
        assertEquals(0.75, SurfaceAxes.yearFraction("0.75"));
        SurfaceAxes axes = SurfaceAxes.parse(List.of("18M", "2Y"), List.of("0.9", "1.0"), StrikeKind.MONEYNESS);
        assertEquals("18M/0.9", axes.quoteLabel(0, 0));
        assertEquals("2Y/1.0", axes.quoteLabel(1, 1));
        assertNull(new SurfaceException("vol_surface", "r", null).value());
    }
}
