package dev.adjointgreeks.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.apache.commons.math3.RealFieldElement;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Dual;
import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;

/**
 * The recipe the models will follow, end to end on the tape: a Black-Scholes path stepped with each
 * step's drift from the curves ({@code stepIntegral}), discounted with the curve's {@code DF(T)}.
 * A European under curves must match Black-Scholes at {@code z(T)}, {@code q(T)}, price and every
 * bucket within 4 standard errors; its buckets must vanish to rounding outside the two pillars around
 * T (the steps' drifts telescope); and they must sum to the parallel sensitivity on the same paths.
 */
class CurvePathTest {

    private static final CallPut CALL = () -> 1.0;
    private static final double[] TR = {0.25, 0.5, 1, 2, 3, 5};
    private static final double[] ZR = {0.045, 0.043, 0.04, 0.036, 0.035, 0.037};
    private static final double[] TQ = {0.5, 1, 2, 5};
    private static final double[] ZQ = {0.01, 0.018, 0.022, 0.02};
    private static final double SPOT = 100;
    private static final double VOL = 0.25;
    private static final double STRIKE = 95;
    private static final double T = 2.6;
    private static final int STEPS = 13;
    private static final int PATHS = 20_000;

    /** One path's discounted call payoff; the model's setup and path recorded together here. */
    static <T extends RealFieldElement<T>> T path(T spot, T vol, ZeroCurve<T> r, ZeroCurve<T> q, double[] z) {
        double dt = T / STEPS;
        T halfVarDt = vol.multiply(vol).multiply(0.5 * dt);
        T volSqrtDt = vol.multiply(Math.sqrt(dt));
        T logS = spot.log();
        for (int k = 1; k <= STEPS; k++) {
            double start = (k - 1) * dt;
            T drift = r.stepIntegral(start, dt).subtract(q.stepIntegral(start, dt)).subtract(halfVarDt);
            logS = logS.add(drift).add(volSqrtDt.multiply(z[k - 1]));
        }
        return Fn.positivePart(logS.exp().subtract(STRIKE)).multiply(r.discountFactor(T));
    }

    /** One path's discounted geometric-Asian call payoff, fixing at every step. */
    static <T extends RealFieldElement<T>> T geometricAsian(T spot, T vol, ZeroCurve<T> r, ZeroCurve<T> q,
            double[] z) {
        double dt = T / STEPS;
        T halfVarDt = vol.multiply(vol).multiply(0.5 * dt);
        T volSqrtDt = vol.multiply(Math.sqrt(dt));
        T logS = spot.log();
        T logSum = null;
        for (int k = 1; k <= STEPS; k++) {
            double start = (k - 1) * dt;
            T drift = r.stepIntegral(start, dt).subtract(q.stepIntegral(start, dt)).subtract(halfVarDt);
            logS = logS.add(drift).add(volSqrtDt.multiply(z[k - 1]));
            logSum = logSum == null ? logS : logSum.add(logS);
        }
        return Fn.positivePart(logSum.divide(STEPS).exp().subtract(STRIKE)).multiply(r.discountFactor(T));
    }

    @Test
    void aGeometricAsianSteppedOnCurvesMatchesItsClosedFormBucketByBucket() {
        // Unlike the European, each fixing sees its own forward: a drift taken from z(T) alone would
        // fail here (the closed form's buckets spread over every pillar up to the one after T).
        int inputs = TR.length + TQ.length;
        Tape tape = new Tape();
        Adj spot = tape.constant(SPOT);
        Adj vol = tape.constant(VOL);
        Adj[] zr = tape.inputs(ZR);
        Adj[] zq = tape.inputs(ZQ);
        int mark = tape.mark();
        double[] sum = new double[1 + inputs];
        double[] sumSq = new double[1 + inputs];
        double[] g = new double[inputs];
        double[] z = new double[STEPS];
        SplittableRandom rng = new SplittableRandom(2006);
        for (int p = 0; p < PATHS; p++) {
            for (int k = 0; k < STEPS; k++) {
                z[k] = rng.nextGaussian();
            }
            Adj v = geometricAsian(spot, vol, ZeroCurve.of(TR, zr), ZeroCurve.of(TQ, zq), z);
            tape.sweepPath(v, 1.0, mark);
            java.util.Arrays.fill(g, 0.0);
            tape.drainInputAdjoints(g);
            sum[0] += v.getReal();
            sumSq[0] += v.getReal() * v.getReal();
            for (int i = 0; i < inputs; i++) {
                sum[1 + i] += g[i];
                sumSq[1 + i] += g[i] * g[i];
            }
        }
        Tape cf = new Tape();
        ZeroCurve<Adj> r = ZeroCurve.of(TR, cf.inputs(ZR));
        ZeroCurve<Adj> q = ZeroCurve.of(TQ, cf.inputs(ZQ));
        Adj[] carry = new Adj[STEPS];
        for (int i = 0; i < STEPS; i++) {
            double ti = i == STEPS - 1 ? T : T * (i + 1.0) / STEPS;
            carry[i] = r.integral(ti).subtract(q.integral(ti));
        }
        Adj price = dev.adjointgreeks.closedform.GeometricAsianCurveFormula.price(CALL, cf.constant(SPOT),
                cf.constant(STRIKE), cf.constant(T), r.discountFactor(T), carry, cf.constant(VOL));
        double[] exact = cf.gradient(price);
        for (int i = 0; i <= inputs; i++) {
            double m = sum[i] / PATHS;
            double se = Math.sqrt(Math.max(sumSq[i] / PATHS - m * m, 0) / (PATHS - 1));
            double x = i == 0 ? price.getReal() : exact[i - 1];
            assertEquals(x, m, 4 * se + 1e-12 * Math.abs(x), i == 0 ? "price" : "pillar input " + (i - 1));
        }
        int spread = 0;
        for (int i = 0; i < TR.length; i++) {
            spread += exact[i] != 0.0 ? 1 : 0;
        }
        assertEquals(5, spread, "discount pillars 3M..3Y are read by some fixing or by DF(T)");
    }

    @Test
    void aEuropeanSteppedOnCurvesMatchesItsClosedFormBucketByBucket() {
        int inputs = 2 + TR.length + TQ.length;
        Tape tape = new Tape();
        Adj spot = tape.input(SPOT);
        Adj vol = tape.input(VOL);
        Adj[] zr = tape.inputs(ZR);
        Adj[] zq = tape.inputs(ZQ);
        int mark = tape.mark();
        double[] sum = new double[1 + inputs];
        double[] sumSq = new double[1 + inputs];
        double parallelRho = 0;
        double[] g = new double[inputs];
        SplittableRandom rng = new SplittableRandom(19);
        double[] z = new double[STEPS];
        Dual[] rd = new Dual[ZR.length];
        Dual[] qd = new Dual[ZQ.length];
        for (int i = 0; i < rd.length; i++) {
            rd[i] = new Dual(ZR[i], 1.0);   // the parallel direction of the discount curve
        }
        for (int i = 0; i < qd.length; i++) {
            qd[i] = Dual.constant(ZQ[i]);
        }
        ZeroCurve<Dual> rParallel = ZeroCurve.of(TR, rd);
        ZeroCurve<Dual> qFixed = ZeroCurve.of(TQ, qd);
        for (int p = 0; p < PATHS; p++) {
            for (int k = 0; k < STEPS; k++) {
                z[k] = rng.nextGaussian();
            }
            Adj v = path(spot, vol, ZeroCurve.of(TR, zr), ZeroCurve.of(TQ, zq), z);
            tape.sweepPath(v, 1.0, mark);
            java.util.Arrays.fill(g, 0.0);
            tape.drainInputAdjoints(g);
            sum[0] += v.getReal();
            sumSq[0] += v.getReal() * v.getReal();
            for (int i = 0; i < inputs; i++) {
                sum[1 + i] += g[i];
                sumSq[1 + i] += g[i] * g[i];
            }
            parallelRho += path(Dual.constant(SPOT), Dual.constant(VOL), rParallel, qFixed, z).tangent();
        }
        double[] mean = new double[1 + inputs];
        double[] se = new double[1 + inputs];
        for (int i = 0; i <= inputs; i++) {
            mean[i] = sum[i] / PATHS;
            se[i] = Math.sqrt(Math.max(sumSq[i] / PATHS - mean[i] * mean[i], 0) / (PATHS - 1));
        }

        // the closed form and its buckets: Black-Scholes at z(T), q(T) composed on a tape
        Tape cf = new Tape();
        Adj cs = cf.input(SPOT);
        Adj cv = cf.input(VOL);
        Adj[] cr = cf.inputs(ZR);
        Adj[] cq = cf.inputs(ZQ);
        Adj mat = cf.constant(T);
        Adj price = BlackScholesFormula.price(CALL, cs, cf.constant(STRIKE), mat, ZeroCurve.of(TR, cr).zeroRate(mat),
                ZeroCurve.of(TQ, cq).zeroRate(mat), cv);
        double[] exact = cf.gradient(price);

        assertEquals(price.getReal(), mean[0], 4 * se[0], "price");
        double rho = 0;
        for (int i = 0; i < inputs; i++) {
            boolean curve = i >= 2;
            boolean around = i < 2 || (i < 2 + TR.length ? TR[i - 2] == 2 || TR[i - 2] == 3
                    : TQ[i - 2 - TR.length] == 2 || TQ[i - 2 - TR.length] == 5);
            if (around) {
                assertEquals(exact[i], mean[1 + i], 4 * se[1 + i], "input " + i);
                assertTrue(se[1 + i] < 0.02 * Math.abs(exact[i]), "the check has power: input " + i);
            } else {
                assertEquals(0.0, exact[i], 0.0);
                // the steps' drifts telescope: what reaches a pillar away from T is rounding only,
                // a few ulps of each step's f dt (|f dt| < 0.01) summed over the paths' gradients
                assertEquals(0.0, mean[1 + i], 1e-12 * Math.abs(mean[1 + 2 + 3]), "input " + i);
            }
            if (curve && i < 2 + TR.length) {
                rho += mean[1 + i];
            }
        }
        // the buckets sum to the parallel rho on the same paths (forward mode along the parallel shift)
        assertEquals(parallelRho / PATHS, rho, 1e-10 * Math.abs(rho));
    }
}
