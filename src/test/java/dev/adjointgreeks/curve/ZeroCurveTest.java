package dev.adjointgreeks.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockTape;
import dev.adjointgreeks.ad.Dual;
import dev.adjointgreeks.ad.Tape;

class ZeroCurveTest {

    /** 1Y 2%, 2Y 3%, 5Y 4%: y = 0.02, 0.06, 0.20; forwards 4% on [1, 2), 14/3 % on [2, 5). */
    private static final double[] T3 = {1, 2, 5};
    private static final double[] Z3 = {0.02, 0.03, 0.04};

    /** Twelve pillars, an inverted and negative stretch included. */
    private static final double[] T12 = {14.0 / 365, 1.0 / 12, 0.25, 0.5, 1, 2, 3, 5, 10, 15, 20, 30};
    private static final double[] Z12 = {0.051, 0.05, 0.049, 0.047, 0.044, 0.04, 0.031, 0.018, -0.004, 0.012, 0.02, 0.021};

    private static final double EPS = Math.ulp(1.0);

    private static ZeroCurve<Decimal64> real(double[] t, double[] z) {
        Decimal64[] r = new Decimal64[z.length];
        for (int i = 0; i < z.length; i++) {
            r[i] = new Decimal64(z[i]);
        }
        return ZeroCurve.of(t, r);
    }

    // ------------------------------------------------------------------ values

    @Test
    void interpolatesLinearlyInRateTimesTimeByHand() {
        ZeroCurve<Decimal64> c = real(T3, Z3);
        assertEquals(0.04, c.integral(1.5).getReal(), 1e-17);
        assertEquals(0.04 / 1.5, c.zeroRate(1.5).getReal(), 1e-17);
        assertEquals(Math.exp(-0.04), c.discountFactor(1.5).getReal(), 1e-16);
        assertEquals(0.06 + 0.14 / 3, c.integral(3.0).getReal(), 1e-17);
        assertEquals((0.06 + 0.14 / 3) / 3, c.zeroRate(3.0).getReal(), 1e-17);
        assertEquals(0.03, c.zeroRate(2.0).getReal(), 1e-17, "on a pillar, its own rate");
        assertEquals(0.04, c.forward(1.5).getReal(), 1e-17);
        assertEquals(0.14 / 3, c.forward(2.0).getReal(), 1e-17, "right-continuous at a pillar");
        assertEquals(0.27, c.forwardIntegral(0.5, 7.0).getReal(), 1e-16, "0.01 + 0.04 + 0.14 + 0.08");
    }

    @Test
    void discountFactorsAreLogLinearBetweenPillars() {
        ZeroCurve<Decimal64> c = real(T12, Z12);
        for (int i = 0; i + 1 < T12.length; i++) {
            double lnA = Math.log(c.discountFactor(T12[i]).getReal());
            double lnB = Math.log(c.discountFactor(T12[i + 1]).getReal());
            for (double w : new double[] {0.1, 0.37, 0.5, 0.9}) {
                double t = T12[i] + w * (T12[i + 1] - T12[i]);
                double expected = (1 - w) * lnA + w * lnB;
                assertEquals(expected, Math.log(c.discountFactor(t).getReal()), 8 * EPS * Math.max(1, Math.abs(lnB)),
                        "pillar interval " + i + " w " + w);
            }
        }
    }

    @Test
    void theZeroRateIsFlatBeyondBothEnds() {
        ZeroCurve<Decimal64> c = real(T12, Z12);
        for (double t : new double[] {1e-6, 0.01, 14.0 / 365}) {
            assertEquals(Z12[0], c.zeroRate(t).getReal(), 0.0);
            assertEquals(Math.exp(-Z12[0] * t), c.discountFactor(t).getReal(), 0.0);
            assertEquals(Z12[0], c.forward(t * 0.99).getReal(), 0.0);
        }
        for (double t : new double[] {30, 31, 50, 100}) {
            assertEquals(Z12[11], c.zeroRate(t).getReal(), 0.0);
            assertEquals(Math.exp(-Z12[11] * t), c.discountFactor(t).getReal(), 0.0);
            assertEquals(Z12[11], c.forward(t).getReal(), 0.0);
        }
    }

    @Test
    void theStepIntegralIsExactlyTheDifferenceOfIntegrals() {
        ZeroCurve<Decimal64> c = real(T12, Z12);
        SplittableRandom rng = new SplittableRandom(19);
        for (int k = 0; k < 2000; k++) {
            double a = 40 * rng.nextDouble() * rng.nextDouble();
            double b = 40 * rng.nextDouble() * rng.nextDouble();
            double t1 = Math.min(a, b);
            double t2 = Math.max(a, b);
            double expected = c.integral(t2).getReal() - c.integral(t1).getReal();
            // two integrals of size <= 0.7 each rounded, plus the sum over at most 12 intervals
            assertEquals(expected, c.forwardIntegral(t1, t2).getReal(), 32 * EPS, t1 + " " + t2);
        }
        assertEquals(0.0, c.forwardIntegral(3.0, 3.0).getReal(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> c.forwardIntegral(2.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> c.stepIntegral(2.0, Double.NaN));
        SplittableRandom r2 = new SplittableRandom(7);
        for (int k = 0; k < 500; k++) {
            double start = 35 * r2.nextDouble();
            double length = 10 * r2.nextDouble() * r2.nextDouble();
            assertEquals(c.forwardIntegral(start, start + length).getReal(), c.stepIntegral(start, length).getReal(),
                    32 * EPS, start + " + " + length);
        }
    }

    @Test
    void theStepIntegralMatchesQuadratureOfTheInstantaneousForward() {
        ZeroCurve<Decimal64> c = real(T12, Z12);
        double[][] steps = {{0.01, 0.3}, {0.2, 0.9}, {0.75, 4.2}, {2.5, 2.7}, {0.02, 37}, {31, 45}};
        int n = 100_000;
        for (double[] s : steps) {
            double h = (s[1] - s[0]) / n;
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += c.forward(s[0] + (k + 0.5) * h).getReal();
            }
            double quadrature = sum * h;
            // The midpoint rule is exact on each panel where the forward is flat; a panel holding a
            // pillar is off by at most |jump| h. Plus the sum's rounding.
            double jumps = 0;
            for (int i = 0; i < T12.length; i++) {
                if (T12[i] > s[0] && T12[i] < s[1]) {
                    jumps += Math.abs(c.forward(T12[i]).getReal() - c.forward(T12[i] - 1e-9).getReal());
                }
            }
            double tol = jumps * h + n * EPS * Math.abs(quadrature);
            assertEquals(quadrature, c.forwardIntegral(s[0], s[1]).getReal(), tol, s[0] + " to " + s[1]);
        }
    }

    @Test
    void theForwardIsTheSlopeOfTheIntegral() {
        ZeroCurve<Decimal64> c = real(T12, Z12);
        double h = 1e-7;
        for (double t : new double[] {0.02, 0.07, 0.3, 0.8, 1.5, 2.2, 4, 7, 12, 17, 25, 40}) {
            double slope = (c.integral(t + h).getReal() - c.integral(t - h).getReal()) / (2 * h);
            // y is linear around t: only rounding, |y| <= 0.7, divided by 2h
            assertEquals(slope, c.forward(t).getReal(), 4 * EPS / h, "t = " + t);
        }
    }

    // ------------------------------------------------------------------ one pillar is flat

    @Test
    void aOnePillarCurveIsTheFlatRate() {
        double r = 0.0437;
        for (double pillar : new double[] {0.25, 1, 7, 30}) {
            ZeroCurve<Decimal64> c = real(new double[] {pillar}, new double[] {r});
            ZeroCurve<Decimal64> flat = ZeroCurve.flat(new Decimal64(r));
            for (double t : new double[] {1.0 / 365, 0.1, 0.25, 1, 2.5, 7, 30, 99}) {
                assertEquals(r, c.zeroRate(t).getReal(), 0.0);
                assertEquals(r, flat.zeroRate(t).getReal(), 0.0);
                double df = Math.exp(-r * t);
                assertEquals(df, c.discountFactor(t).getReal(), 1e-14 * df);
                assertEquals(df, flat.discountFactor(t).getReal(), 1e-14 * df);
                for (double dt : new double[] {1.0 / 52, 0.4, 3}) {
                    // today's flat drift is r dt: a step across the pillar is one product too
                    assertEquals(r * dt, c.stepIntegral(t, dt).getReal(), 0.0);
                    assertEquals(r * ((t + dt) - t), c.forwardIntegral(t, t + dt).getReal(), 0.0);
                }
            }
        }
        // the model's own grid, step k from (k-1) dt with length dt: today's r dt to the last bit
        ZeroCurve<Decimal64> c = real(new double[] {2.0}, new double[] {r});
        double dt = 3.0 / 52;
        for (int k = 1; k <= 52; k++) {
            assertEquals(r * dt, c.stepIntegral((k - 1) * dt, dt).getReal(), 0.0, "step " + k);
            assertEquals(r * dt, c.stepIntegral(new Decimal64((k - 1) * dt), new Decimal64(dt)).getReal(), 0.0);
        }
    }

    // ------------------------------------------------------------------ derivatives

    private static double[] adjointOfDiscountFactor(double[] t, double[] z, double maturity) {
        Tape tape = new Tape();
        Adj[] rates = tape.inputs(z);
        Adj df = ZeroCurve.of(t, rates).discountFactor(maturity);
        return tape.gradient(df);
    }

    @Test
    void pillarAdjointsOfADiscountFactorEqualCentralDifferences() {
        double h = 1e-6;
        for (double maturity : new double[] {0.01, 0.3, 1.7, 5, 8.3, 22, 30, 45}) {
            double[] g = adjointOfDiscountFactor(T12, Z12, maturity);
            for (int i = 0; i < T12.length; i++) {
                double[] up = Z12.clone();
                double[] dn = Z12.clone();
                up[i] += h;
                dn[i] -= h;
                double cd = (real(T12, up).discountFactor(maturity).getReal()
                        - real(T12, dn).discountFactor(maturity).getReal()) / (2 * h);
                // DF is exp(-w z_i + ...) in z_i with w <= maturity: truncation h^2 w^3 / 6, rounding 2 eps / h
                double w = maturity;   // dy/dz_i <= T (interior weights, or T itself beyond the last pillar)
                double tol = h * h * w * w * w / 6 + 2 * EPS / h;
                assertEquals(cd, g[i], tol, "maturity " + maturity + " pillar " + i);
            }
        }
    }

    @Test
    void theAdjointOfADiscountFactorIsZeroOutsideTheTwoPillarsAroundMaturity() {
        for (int i = 0; i + 1 < T12.length; i++) {
            double maturity = 0.5 * (T12[i] + T12[i + 1]);
            double[] g = adjointOfDiscountFactor(T12, Z12, maturity);
            for (int j = 0; j < T12.length; j++) {
                if (j == i || j == i + 1) {
                    assertNotEquals(0.0, g[j], "pillar " + j + " around " + maturity);
                } else {
                    assertEquals(0.0, g[j], 0.0, "pillar " + j + " for maturity " + maturity);
                }
            }
            double[] on = adjointOfDiscountFactor(T12, Z12, T12[i]);
            for (int j = 0; j < T12.length; j++) {
                assertEquals(j == i, on[j] != 0.0, "maturity on pillar " + i + ": only it, pillar " + j);
            }
        }
        double[] before = adjointOfDiscountFactor(T12, Z12, 0.01);
        double[] after = adjointOfDiscountFactor(T12, Z12, 40);
        for (int j = 1; j < T12.length; j++) {
            assertEquals(0.0, before[j], 0.0);
            assertEquals(0.0, after[j - 1], 0.0);
        }
        assertEquals(-0.01 * Math.exp(-Z12[0] * 0.01), before[0], 1e-18);
        assertEquals(-40 * Math.exp(-Z12[11] * 40), after[11], 1e-15);
    }

    @Test
    void pillarSensitivitiesSumToTheParallelSensitivity() {
        for (double maturity : new double[] {0.01, 0.3, 1.7, 5, 8.3, 22, 30, 45}) {
            double[] g = adjointOfDiscountFactor(T12, Z12, maturity);
            double sum = 0;
            for (double x : g) {
                sum += x;
            }
            // a parallel shift of every zero rate by e shifts y(T) by e T: dDF/de = -T DF(T)
            double df = real(T12, Z12).discountFactor(maturity).getReal();
            assertEquals(-maturity * df, sum, 1e-12 * maturity * df, "maturity " + maturity);
            // and forward mode, seeded with the parallel direction, agrees
            Dual[] d = new Dual[Z12.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = new Dual(Z12[i], 1.0);
            }
            assertEquals(ZeroCurve.of(T12, d).discountFactor(maturity).tangent(), sum, 1e-12 * maturity * df);
        }
        for (double[] s : new double[][] {{0.01, 0.3}, {0.75, 4.2}, {2.5, 2.7}, {0.02, 37}, {31, 45}}) {
            Tape tape = new Tape();
            Adj drift = ZeroCurve.of(T12, tape.inputs(Z12)).forwardIntegral(s[0], s[1]);
            double sum = 0;
            for (double x : tape.gradient(drift)) {
                sum += x;
            }
            assertEquals(s[1] - s[0], sum, 1e-12 * (s[1] - s[0]));
        }
    }

    @Test
    void pillarAdjointsOfAStepIntegralEqualCentralDifferencesAndForwardMode() {
        double h = 1e-5;
        double[][] steps = {{0.01, 0.3}, {0.75, 4.2}, {2.5, 2.7}, {0.02, 37}, {31, 45}, {4.9, 5.1}};
        for (double[] s : steps) {
            Tape tape = new Tape();
            Adj drift = ZeroCurve.of(T12, tape.inputs(Z12)).forwardIntegral(s[0], s[1]);
            double[] g = tape.gradient(drift);
            for (int i = 0; i < T12.length; i++) {
                double[] up = Z12.clone();
                double[] dn = Z12.clone();
                up[i] += h;
                dn[i] -= h;
                double cd = (real(T12, up).forwardIntegral(s[0], s[1]).getReal()
                        - real(T12, dn).forwardIntegral(s[0], s[1]).getReal()) / (2 * h);
                // the integral is linear in the rates: the difference has rounding only, |value| <= 1
                assertEquals(cd, g[i], 4 * EPS / h, "step " + s[0] + ".." + s[1] + " pillar " + i);
                Dual[] d = new Dual[Z12.length];
                for (int j = 0; j < d.length; j++) {
                    d[j] = new Dual(Z12[j], j == i ? 1.0 : 0.0);
                }
                assertEquals(ZeroCurve.of(T12, d).forwardIntegral(s[0], s[1]).tangent(), g[i], 1e-15);
            }
        }
    }

    @Test
    void theMaturityOnTheTapeGetsTheForwardAsItsSlope() {
        for (double maturity : new double[] {0.01, 0.3, 1.7, 5, 8.3, 45}) {
            Tape tape = new Tape();
            Adj[] in = tape.inputs(Z12[0], Z12[1], Z12[2], Z12[3], Z12[4], Z12[5], Z12[6], Z12[7], Z12[8], Z12[9],
                    Z12[10], Z12[11], maturity);
            Adj[] z = java.util.Arrays.copyOf(in, 12);
            ZeroCurve<Adj> c = ZeroCurve.of(T12, z);
            Adj df = c.discountFactor(in[12]);
            double theta = tape.gradient(df)[12];
            double expected = -c.forward(maturity).getReal() * df.getReal();
            assertEquals(expected, theta, 1e-15, "dDF/dT = -f(T) DF(T), maturity " + maturity);
            // the field-time overloads give the same values as the double ones
            assertEquals(c.discountFactor(maturity).getReal(), df.getReal(), 0.0);
            assertEquals(c.zeroRate(maturity).getReal(), c.zeroRate(in[12]).getReal(), 0.0);
            double start = Math.min(0.2, maturity);
            assertEquals(c.forwardIntegral(start, maturity).getReal(),
                    c.forwardIntegral(tape.constant(start), in[12]).getReal(), 0.0);
            assertEquals(c.stepIntegral(start, maturity - start).getReal(),
                    c.stepIntegral(tape.constant(start), in[12].subtract(start)).getReal(), 0.0);
        }
    }

    @Test
    void onABlockTapeEveryLaneSeesTheSameCurve() {
        int width = 4;
        BlockTape bt = new BlockTape(width);
        Block[] z = bt.inputs(Z12);
        ZeroCurve<Block> c = ZeroCurve.of(T12, z);
        double[] notional = {1, 2, -3, 0.5};
        Block v = c.discountFactor(7.5).multiply(bt.constant(notional));   // per-lane value
        double[] g = bt.gradient(v);                                        // summed over lanes
        double[] one = adjointOfDiscountFactor(T12, Z12, 7.5);
        for (int i = 0; i < T12.length; i++) {
            // the lanes' sum in another order: a few roundings of terms up to 6.5 |one|
            assertEquals(0.5 * one[i], g[i], 8 * EPS * 6.5 * Math.abs(one[i]), "pillar " + i);
        }
    }

    @Test
    void badArgumentsAreProgrammingErrors() {
        Decimal64[] two = {new Decimal64(0.01), new Decimal64(0.02)};
        assertThrows(IllegalArgumentException.class, () -> ZeroCurve.of(new double[] {1}, two));
        assertThrows(IllegalArgumentException.class, () -> ZeroCurve.of(new double[] {2, 1}, two));
        assertThrows(IllegalArgumentException.class, () -> ZeroCurve.of(new double[] {1, 1}, two));
        assertThrows(IllegalArgumentException.class, () -> ZeroCurve.of(new double[] {0, 1}, two));
        assertThrows(IllegalArgumentException.class, () -> ZeroCurve.of(new double[] {1, Double.NaN}, two));
    }
}
