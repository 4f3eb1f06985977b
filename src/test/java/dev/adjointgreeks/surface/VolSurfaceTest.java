package dev.adjointgreeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;

/** The interpolation: quotes at the nodes, where each quote's sensitivity goes, C1 wings. */
class VolSurfaceTest {

    private static final int N = SkewFixture.EXPIRIES.size();
    private static final int M = SkewFixture.STRIKES.size();

    private static VolSurface<Adj> onTape(Tape tape, StrikeKind kind) {
        Adj[][] vols = Surfaces.lift(SkewFixture.VOLS, tape.constant(0), tape::input);
        return Surfaces.withCarry(SkewFixture.axes(kind), vols, tape.constant(SkewFixture.SPOT), SkewFixture.RATE,
                SkewFixture.DIVIDEND);
    }

    private static double strike(SurfaceAxes axes, int j) {
        return axes.kind() == StrikeKind.MONEYNESS ? SkewFixture.SPOT * axes.strike(j) : axes.strike(j);
    }

    @Test
    void quotesAreReproducedAtTheNodesAndEachNodeDependsOnItsOwnQuoteOnly() {
        for (StrikeKind kind : StrikeKind.values()) {
            Tape tape = new Tape();
            VolSurface<Adj> s = onTape(tape, kind);
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < M; j++) {
                    double t = s.axes().expiry(i);
                    Adj vol = s.impliedVol(tape.constant(strike(s.axes(), j)), t);
                    double q = SkewFixture.VOLS[i][j];
                    // sqrt(q^2 t / t): the node's total variance is the quote's exactly (the spline's
                    // symmetric form at A = 1); two roundings in q^2 t / t and one in sqrt remain
                    assertEquals(q, vol.getReal(), 3 * Math.ulp(q), kind + " " + s.axes().quoteLabel(i, j));
                    double[] g = tape.gradient(vol);
                    for (int p = 0; p < g.length; p++) {
                        if (p == i * M + j) {
                            assertEquals(1.0, g[p], 4 * Math.ulp(1.0), "own quote " + s.axes().quoteLabel(i, j));
                        } else {
                            assertEquals(0.0, g[p], 0.0, "quote " + p + " at node " + s.axes().quoteLabel(i, j));
                        }
                    }
                }
            }
        }
    }

    @Test
    void quotesBeyondTheFirstExpiryAtOrAfterTheTradeCarryNothing() {
        Tape tape = new Tape();
        VolSurface<Adj> s = onTape(tape, StrikeKind.ABSOLUTE);
        // {time, first expiry index >= time}
        double[][] cases = {{0.1, 0}, {0.25, 0}, {0.4, 1}, {0.5, 1}, {0.75, 2}, {1.5, 3}, {3.0, 3}};
        for (double[] c : cases) {
            int first = (int) c[1];
            for (double strike : new double[] {60, 87, 100, 125, 150}) {
                double[] g = tape.gradient(s.impliedVol(tape.constant(strike), c[0]));
                for (int i = 0; i < N; i++) {
                    double sum = 0;
                    for (int j = 0; j < M; j++) {
                        sum += Math.abs(g[i * M + j]);
                    }
                    boolean used = i == first || (i == first - 1 && c[0] > s.axes().expiry(first - 1)
                            && c[0] < s.axes().expiry(first));
                    if (used) {
                        assertTrue(sum > 0, "expiry " + i + " moves the vol at T=" + c[0] + ", K=" + strike);
                    } else {
                        assertEquals(0.0, sum, 0.0, "expiry " + i + " at T=" + c[0] + ", K=" + strike);
                    }
                }
            }
        }
    }

    @Test
    void wingsJoinTheSplineInValueAndSlopeAndStayInsideLeesBound() {
        double[][] putSkew = {{0.30, 0.26, 0.23, 0.20, 0.18}};
        double[][] callSkew = {{0.18, 0.20, 0.22, 0.25, 0.29}};
        double[][] smile = {{0.26, 0.22, 0.20, 0.22, 0.26}};
        List<String> strikes = List.of("80", "90", "100", "110", "120");
        Set<SmileSpline.End> left = EnumSet.noneOf(SmileSpline.End.class);
        Set<SmileSpline.End> right = EnumSet.noneOf(SmileSpline.End.class);
        for (double[][] vols : List.of(putSkew, callSkew, smile, SkewFixture.VOLS)) {
            boolean fixture = vols == SkewFixture.VOLS;
            SurfaceAxes axes = fixture ? SkewFixture.axes(StrikeKind.ABSOLUTE)
                    : SurfaceAxes.parse(List.of("1Y"), strikes, StrikeKind.ABSOLUTE);
            Decimal64 spot = new Decimal64(100);
            VolSurface<Decimal64> s = Surfaces.withCarry(axes, Surfaces.lift(vols, spot, Decimal64::new), spot, 0.03,
                    0.01);
            for (int i = 0; i < axes.expiryCount(); i++) {
                SmileSpline<Decimal64> sp = s.smile(i);
                left.add(sp.leftEnd());
                right.add(sp.rightEnd());
                int last = axes.strikeCount() - 1;
                for (int end : new int[] {0, last}) {
                    Decimal64 k = s.node(i, end);
                    double inside = sp.at(k).dk().getReal();                       // the cubic, at its end node
                    double delta = end == 0 ? -1e-3 : 1e-3;
                    SmileSpline.Jet<Decimal64> out = sp.at(k.add(delta));          // the linear wing
                    double wing = out.dk().getReal();
                    // the wing's slope is the closed-form end slope, the cubic's the segment formula:
                    // equal up to the rounding of terms of size <= |w_j / h| + |M h| (< 10 here)
                    assertEquals(inside, wing, 1e-14, "slope at node " + end + " of " + axes.expiryLabel(i));
                    assertEquals(s.variance(i, end).getReal() + delta * wing, out.w().getReal(), 1e-16,
                            "the wing is the line through the end quote");
                    assertEquals(0.0, out.dkk().getReal(), 0.0);
                    if (end == 0) {
                        assertTrue(wing > -2 && wing <= 0, "low wing slope " + wing);
                    } else {
                        assertTrue(wing >= 0 && wing < 2, "high wing slope " + wing);
                    }
                    SmileSpline.End kind = end == 0 ? sp.leftEnd() : sp.rightEnd();
                    if (kind == SmileSpline.End.FLAT) {
                        assertEquals(0.0, wing, 0.0);
                        assertEquals(0.0, inside, 1e-14, "a flat end is flat from inside too");
                    } else {
                        assertEquals(0.0, sp.at(k).dkk().getReal(), 1e-14, "a natural end has w'' = 0");
                    }
                }
            }
        }
        assertEquals(EnumSet.allOf(SmileSpline.End.class), left, "both end conditions exercised at the low end");
        assertEquals(EnumSet.allOf(SmileSpline.End.class), right, "both end conditions exercised at the high end");
    }

    @Test
    void naturalSplineAgreesWithCommonsMath() {
        double[] k = {-0.35, -0.22, -0.1, 0.0, 0.12, 0.2, 0.41};
        double[] w = {0.09, 0.07, 0.052, 0.045, 0.043, 0.046, 0.06};
        Decimal64[] dk = new Decimal64[k.length];
        Decimal64[] dw = new Decimal64[k.length];
        for (int j = 0; j < k.length; j++) {
            dk[j] = new Decimal64(k[j]);
            dw[j] = new Decimal64(w[j]);
        }
        SmileSpline<Decimal64> ours = SmileSpline.fit(dk, dw);
        assertEquals(SmileSpline.End.NATURAL, ours.leftEnd());
        assertEquals(SmileSpline.End.NATURAL, ours.rightEnd());
        PolynomialSplineFunction cm = new SplineInterpolator().interpolate(k, w);
        PolynomialSplineFunction d1 = cm.polynomialSplineDerivative();
        PolynomialSplineFunction d2 = d1.polynomialSplineDerivative();
        for (double x = -0.35; x <= 0.41; x += 0.0137) {
            SmileSpline.Jet<Decimal64> j = ours.at(new Decimal64(x));
            // two algorithms for one 7x7 tridiagonal system in double: agreement to a few hundred
            // ulps of the largest term (|w''| <= 2, |w'| <= 0.3)
            assertEquals(cm.value(x), j.w().getReal(), 1e-16, "w at " + x);
            assertEquals(d1.value(x), j.dk().getReal(), 1e-15, "w' at " + x);
            assertEquals(d2.value(x), j.dkk().getReal(), 1e-13, "w'' at " + x);
        }
        assertNotEquals(0.0, d2.value(0.0));
    }
}
