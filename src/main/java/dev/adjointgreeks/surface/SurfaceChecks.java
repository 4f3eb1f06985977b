package dev.adjointgreeks.surface;

import java.math.BigDecimal;
import java.math.MathContext;

import org.apache.commons.math3.RealFieldElement;

/**
 * The checks {@link VolSurface#of} runs, in this order, each rejecting with a message that names the
 * quote as written:
 * <ol>
 * <li>shape: one row per expiry, one vol per strike in each row, every vol a positive finite number;
 * <li>wings: each smile's linear wing slope {@code dw/dk} inside Lee's bound, {@code > -2} at the
 * low end and {@code < 2} at the high end (a wrong sign was already clamped to 0 by the spline);
 * <li>calendar: at each node's forward log-moneyness, of this expiry and of the next, total
 * variance must not decrease from one expiry to the next (w is linear in T between expiries, so
 * that suffices between them at the node's k);
 * <li>butterfly: Dupire's denominator {@code g(k)} (Gatheral and Jacquier 2014, the density's sign)
 * must be positive at every node of every expiry.
 * </ol>
 * The checks read the values ({@code getReal}); they record nothing on a tape.
 */
final class SurfaceChecks {

    private static final MathContext SIX = new MathContext(6);

    private SurfaceChecks() {
    }

    static <T extends RealFieldElement<T>> void shape(SurfaceAxes axes, T[][] vols) {
        int n = axes.expiryCount();
        int m = axes.strikeCount();
        if (vols == null || vols.length != n) {
            throw new SurfaceException(SurfaceException.VOLS, "has " + (vols == null ? 0 : vols.length)
                    + " rows, expected one per expiry (" + n + ")", null);
        }
        for (int i = 0; i < n; i++) {
            int len = vols[i] == null ? 0 : vols[i].length;
            if (len != m) {
                throw new SurfaceException(SurfaceException.VOLS, "row " + (i + 1) + " (" + axes.expiryLabel(i)
                        + ") has " + len + " vols, expected one per strike (" + m + ")", null);
            }
            for (int j = 0; j < m; j++) {
                double v = vols[i][j] == null ? Double.NaN : vols[i][j].getReal();
                if (!(v > 0) || !Double.isFinite(v)) {
                    throw new SurfaceException(SurfaceException.VOLS, "vol " + axes.quoteLabel(i, j)
                            + " must be a positive finite number", String.valueOf(v));
                }
            }
        }
    }

    static <T extends RealFieldElement<T>> void wings(VolSurface<T> s) {
        SurfaceAxes axes = s.axes();
        for (int i = 0; i < axes.expiryCount(); i++) {
            double lo = s.smile(i).leftSlope().getReal();
            double hi = s.smile(i).rightSlope().getReal();
            if (!(lo > -2.0)) {
                throw wing(axes, i, lo, "below strike " + axes.strikeLabel(0), "(-2, 0]");
            }
            if (!(hi < 2.0)) {
                throw wing(axes, i, hi, "above strike " + axes.strikeLabel(axes.strikeCount() - 1), "[0, 2)");
            }
        }
    }

    private static SurfaceException wing(SurfaceAxes axes, int i, double slope, String where, String bound) {
        return new SurfaceException(SurfaceException.SURFACE, "wing arbitrage at " + axes.expiryLabel(i)
                + ": total variance slope " + fmt(slope) + " in log-moneyness " + where
                + " is outside Lee's bound " + bound, null);
    }

    static <T extends RealFieldElement<T>> void calendar(VolSurface<T> s) {
        SurfaceAxes axes = s.axes();
        for (int i = 0; i + 1 < axes.expiryCount(); i++) {
            for (int j = 0; j < axes.strikeCount(); j++) {
                calendarAt(s, i, j, s.node(i, j));
                calendarAt(s, i, j, s.node(i + 1, j));
            }
        }
    }

    private static <T extends RealFieldElement<T>> void calendarAt(VolSurface<T> s, int i, int j, T k) {
        SurfaceAxes axes = s.axes();
        double near = s.smile(i).at(k).w().getReal();
        double far = s.smile(i + 1).at(k).w().getReal();
        if (far < near) {
            throw new SurfaceException(SurfaceException.SURFACE, "calendar arbitrage between "
                    + axes.expiryLabel(i) + " and " + axes.expiryLabel(i + 1) + " at strike " + axes.strikeLabel(j)
                    + " (vols " + fmt(Math.sqrt(near / axes.expiry(i))) + ", "
                    + fmt(Math.sqrt(far / axes.expiry(i + 1))) + ")", null);
        }
    }

    static <T extends RealFieldElement<T>> void butterfly(VolSurface<T> s) {
        SurfaceAxes axes = s.axes();
        for (int i = 0; i < axes.expiryCount(); i++) {
            for (int j = 0; j < axes.strikeCount(); j++) {
                T k = s.node(i, j);
                SmileSpline.Jet<T> jet = s.smile(i).at(k);
                double g = VolSurface.denominator(k, jet.w(), jet.dk(), jet.dkk(), jet.dk().divide(jet.w())).getReal();
                if (!(g > 0)) {
                    throw new SurfaceException(SurfaceException.SURFACE, "butterfly arbitrage at "
                            + axes.expiryLabel(i) + " strike " + axes.strikeLabel(j) + " (vol "
                            + fmt(s.quote(i, j).getReal()) + "): Dupire's denominator " + fmt(g) + " <= 0", null);
                }
            }
        }
    }

    /** Six significant digits, no trailing zeros: {@code 0.25}, {@code -0.0123457}. */
    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return new BigDecimal(v).round(SIX).stripTrailingZeros().toPlainString();
    }
}
