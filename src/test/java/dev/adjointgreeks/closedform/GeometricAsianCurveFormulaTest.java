package dev.adjointgreeks.closedform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Dual;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.curve.ZeroCurve;

class GeometricAsianCurveFormulaTest {

    private static final CallPut CALL = () -> 1.0;
    private static final CallPut PUT = () -> -1.0;

    private static final double[] TR = {0.25, 0.5, 1, 2, 3, 5};
    private static final double[] ZR = {0.045, 0.043, 0.04, 0.036, 0.035, 0.037};
    /** A steep curve, so that the fixings' own forwards matter many standard errors. */
    private static final double[] ZR_STEEP = {0.005, 0.01, 0.03, 0.06, 0.08, 0.09};
    private static final double[] TQ = {0.5, 1, 2, 5};
    private static final double[] ZQ = {0.01, 0.018, 0.022, 0.02};

    private static Decimal64 d(double x) {
        return new Decimal64(x);
    }

    private static ZeroCurve<Decimal64> curve(double[] t, double[] z) {
        Decimal64[] r = new Decimal64[z.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = d(z[i]);
        }
        return ZeroCurve.of(t, r);
    }

    /** What a caller does: the carry to each fixing and DF(T) from its curves, then the formula. */
    static <T extends RealFieldElement<T>> T onCurves(CallPut type, T s, T k, T t, ZeroCurve<T> r, ZeroCurve<T> q,
            T vol, int n) {
        T[] carry = MathArrays.buildArray(s.getField(), n);
        for (int i = 0; i < n; i++) {
            T ti = i == n - 1 ? t : t.multiply((i + 1.0) / n);
            carry[i] = r.integral(ti).subtract(q.integral(ti));
        }
        return GeometricAsianCurveFormula.price(type, s, k, t, r.discountFactor(t), carry, vol);
    }

    private static double price(CallPut type, double s, double k, double t, double[] zr, double[] zq, double vol,
            int n) {
        return onCurves(type, d(s), d(k), d(t), curve(TR, zr), curve(TQ, zq), d(vol), n).getReal();
    }

    @Test
    void flatCurvesGiveTheFlatFormula() {
        for (CallPut type : new CallPut[] {CALL, PUT}) {
            for (int n : new int[] {1, 12, 52}) {
                for (double k : new double[] {80, 100, 125}) {
                    double flat = GeometricAsianFormula.price(type, d(100), d(k), d(1.3), d(0.04), d(0.015), d(0.25), n)
                            .getReal();
                    double curve = onCurves(type, d(100), d(k), d(1.3), ZeroCurve.flat(d(0.04)),
                            ZeroCurve.flat(d(0.015)), d(0.25), n).getReal();
                    // the mean is summed fixing by fixing instead of in closed form: a few ulps of
                    // ln S (about 1e-15), times d ln V / d mean = F N(d1) / V (below 40 here)
                    assertEquals(flat, curve, 1e-13 * flat, "n " + n + " strike " + k);
                }
            }
        }
    }

    @Test
    void oneFixingIsBlackScholesWithTheZeroRateAndYieldToMaturity() {
        for (double t : new double[] {0.1, 0.7, 1.5, 4.2, 8}) {
            for (CallPut type : new CallPut[] {CALL, PUT}) {
                double z = curve(TR, ZR).zeroRate(t).getReal();
                double q = curve(TQ, ZQ).zeroRate(t).getReal();
                double bs = BlackScholesFormula.price(type, d(100), d(95), d(t), d(z), d(q), d(0.3)).getReal();
                assertEquals(bs, price(type, 100, 95, t, ZR, ZQ, 0.3, 1), 1e-13 * bs, "maturity " + t);
            }
        }
    }

    @Test
    void matchesAMonteCarloAtEachFixingsForward() {
        // Exact simulation at the fixings: S(t_i) = F(t_i) exp(vol W(t_i) - vol^2 t_i / 2), with
        // F(t) = S DF_q(t) / DF_r(t) read from the curves, not from the formula's algebra.
        int n = 12;
        double s = 100;
        double k = 102;
        double t = 2.5;
        double vol = 0.3;
        ZeroCurve<Decimal64> r = curve(TR, ZR_STEEP);
        ZeroCurve<Decimal64> q = curve(TQ, ZQ);
        double[] logF = new double[n];
        for (int i = 1; i <= n; i++) {
            double ti = t * i / n;
            logF[i - 1] = Math.log(s * q.discountFactor(ti).getReal() / r.discountFactor(ti).getReal())
                    - 0.5 * vol * vol * ti;
        }
        int paths = 200_000;
        SplittableRandom rng = new SplittableRandom(2006);
        double sum = 0;
        double sumSq = 0;
        double dt = t / n;
        for (int p = 0; p < paths; p++) {
            double w = 0;
            double logSum = 0;
            for (int i = 0; i < n; i++) {
                w += Math.sqrt(dt) * rng.nextGaussian();
                logSum += logF[i] + vol * w;
            }
            double payoff = Math.max(Math.exp(logSum / n) - k, 0);
            sum += payoff;
            sumSq += payoff * payoff;
        }
        double df = r.discountFactor(t).getReal();
        double mean = sum / paths;
        double se = df * Math.sqrt((sumSq / paths - mean * mean) / (paths - 1));
        double mc = df * mean;
        double exact = price(CALL, s, k, t, ZR_STEEP, ZQ, vol, n);
        assertEquals(exact, mc, 4 * se, "z = " + (mc - exact) / se);
        // and the curves matter here: the flat formula at z(T), q(T) is many standard errors away
        double flat = GeometricAsianFormula.price(CALL, d(s), d(k), d(t), r.zeroRate(t), q.zeroRate(t), d(vol), n)
                .getReal();
        assertTrue(Math.abs(flat - exact) > 10 * se, "flat " + flat + " curve " + exact + " se " + se);
    }

    @Test
    void bucketsEqualCentralDifferencesAndSumToTheParallelSensitivities() {
        int n = 8;
        double t = 1.5;   // fixings from 0.1875 to 1.5: pillars from 3Y (discount) and 5Y (dividend) on see none
        Tape tape = new Tape();
        Adj[] zr = tape.inputs(ZR);
        Adj[] zq = tape.inputs(ZQ);
        Adj v = onCurves(CALL, tape.constant(100), tape.constant(100), tape.constant(t), ZeroCurve.of(TR, zr),
                ZeroCurve.of(TQ, zq), tape.constant(0.25), n);
        double[] g = tape.gradient(v);
        double h = 1e-5;
        double v0 = v.getReal();
        double[] parallel = new double[2];
        for (int j = 0; j < ZR.length + ZQ.length; j++) {
            boolean disc = j < ZR.length;
            int i = disc ? j : j - ZR.length;
            double[] up = (disc ? ZR : ZQ).clone();
            double[] dn = (disc ? ZR : ZQ).clone();
            up[i] += h;
            dn[i] -= h;
            double cd = disc ? (price(CALL, 100, 100, t, up, ZQ, 0.25, n) - price(CALL, 100, 100, t, dn, ZQ, 0.25, n))
                    / (2 * h)
                    : (price(CALL, 100, 100, t, ZR, up, 0.25, n) - price(CALL, 100, 100, t, ZR, dn, 0.25, n)) / (2 * h);
            // smooth in each rate, third derivative below S T^3: truncation h^2 S T^3 / 6; the formula's
            // own rounding (some 30 operations, normCdf included) below 64 eps V per price, over 2h
            double tol = h * h * 100 * t * t * t / 6 + 64 * Math.ulp(1.0) * v0 / h;
            assertEquals(cd, g[j], tol, (disc ? "discount " : "dividend ") + "pillar " + i);
            parallel[disc ? 0 : 1] += g[j];
            double time = disc ? TR[i] : TQ[i];
            if (time > 2) {
                assertEquals(0.0, g[j], 0.0, "no fixing reads a pillar past the one after maturity");
            }
        }
        for (int c = 0; c < 2; c++) {
            Dual[] r = new Dual[ZR.length];
            Dual[] q = new Dual[ZQ.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = new Dual(ZR[i], c == 0 ? 1 : 0);
            }
            for (int i = 0; i < q.length; i++) {
                q[i] = new Dual(ZQ[i], c == 1 ? 1 : 0);
            }
            double tangent = onCurves(CALL, Dual.constant(100), Dual.constant(100), Dual.constant(t),
                    ZeroCurve.of(TR, r), ZeroCurve.of(TQ, q), Dual.constant(0.25), n).tangent();
            assertEquals(tangent, parallel[c], 1e-12 * Math.abs(tangent), c == 0 ? "rho" : "dividend rho");
        }
    }

    @Test
    void aEuropeanUnderACurveHasItsBucketsOnTheTwoPillarsAroundMaturitySummingToRho() {
        // The European closed form under curves is Black-Scholes at z(T) and q(T), composed on the tape.
        double t = 2.6;
        Tape tape = new Tape();
        Adj[] zr = tape.inputs(ZR);
        Adj[] zq = tape.inputs(ZQ);
        Adj mat = tape.constant(t);
        Adj z = ZeroCurve.of(TR, zr).zeroRate(mat);
        Adj q = ZeroCurve.of(TQ, zq).zeroRate(mat);
        Adj v = BlackScholesFormula.price(CALL, tape.constant(100), tape.constant(90), mat, z, q, tape.constant(0.2));
        double[] g = tape.gradient(v);
        BlackScholesFormula.Greeks bs = BlackScholesFormula.greeks(CALL, 100, 90, t, z.getReal(), q.getReal(), 0.2);
        double rho = 0;
        for (int i = 0; i < ZR.length; i++) {
            boolean around = TR[i] == 2 || TR[i] == 3;
            assertEquals(around, g[i] != 0.0, "discount pillar " + TR[i]);
            rho += g[i];
        }
        double dividendRho = 0;
        for (int i = 0; i < ZQ.length; i++) {
            boolean around = TQ[i] == 2 || TQ[i] == 5;
            assertEquals(around, g[ZR.length + i] != 0.0, "dividend pillar " + TQ[i]);
            dividendRho += g[ZR.length + i];
        }
        // a parallel shift moves z(T) by exactly the shift: the buckets sum to the closed-form rho
        assertEquals(bs.rho(), rho, 1e-12 * Math.abs(bs.rho()));
        assertEquals(bs.dividendRho(), dividendRho, 1e-12 * Math.abs(bs.dividendRho()));
    }
}
