package dev.adjointgreeks.surface;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;

/**
 * One expiry's total implied variance {@code w(k)} in forward log-moneyness: a cubic spline through
 * the quotes, linear beyond the end nodes with the spline's own end slope (so the join is C1), on
 * any field. The nodes {@code k_j} and values {@code w_j} are field values, so a tape sees every
 * quote and the forward behind every node.
 *
 * <p>End conditions, per end: natural ({@code w'' = 0}; the linear wing then joins in C2) while
 * the natural end slope has the sign Lee's moment formula allows there ({@code <= 0} at the low
 * end, {@code >= 0} at the high end); otherwise the end is clamped to slope 0 (flat total
 * variance, flat implied vol beyond that end). A natural end slope at or beyond {@code -2} or
 * {@code 2} breaks Lee's bound and is rejected by the caller ({@link VolSurface}), not clamped.
 *
 * <p>The second derivatives {@code M_j} solve the usual tridiagonal system (Thomas algorithm, no
 * pivoting: the matrix is strictly diagonally dominant). Evaluation uses the symmetric form of
 * Numerical Recipes (3.3.3), {@code w = A w_j + B w_{j+1} + ((A^3 - A) M_j + (B^3 - B) M_{j+1}) h^2 / 6}
 * with {@code A = (k_{j+1} - k) / h}, {@code B = 1 - A}, which returns each node's quote exactly.
 */
final class SmileSpline<T extends RealFieldElement<T>> {

    /** An end condition. */
    enum End { NATURAL, FLAT }

    /** Value, first and second derivative in k at one point. */
    record Jet<T>(T w, T dk, T dkk) {
    }

    private final T[] k;
    private final T[] w;
    private final T[] m;
    private final T[] h;
    private final End left;
    private final End right;
    private final T leftSlope;
    private final T rightSlope;

    private SmileSpline(T[] k, T[] w, End left, End right) {
        int n = k.length - 1;
        this.k = k;
        this.w = w;
        this.left = left;
        this.right = right;
        this.h = MathArrays.buildArray(k[0].getField(), n);
        for (int j = 0; j < n; j++) {
            h[j] = k[j + 1].subtract(k[j]);
        }
        this.m = secondDerivatives();
        T zero = Fn.constant(k[0], 0.0);
        this.leftSlope = left == End.FLAT ? zero
                : w[1].subtract(w[0]).divide(h[0]).subtract(h[0].multiply(m[0].multiply(2).add(m[1])).divide(6));
        this.rightSlope = right == End.FLAT ? zero
                : w[n].subtract(w[n - 1]).divide(h[n - 1])
                        .add(h[n - 1].multiply(m[n - 1].add(m[n].multiply(2))).divide(6));
    }

    /**
     * The spline through {@code (k_j, w_j)}, {@code k} strictly increasing, at least two nodes:
     * natural ends, each end switched to flat if its natural slope has the wrong sign.
     */
    static <T extends RealFieldElement<T>> SmileSpline<T> fit(T[] k, T[] w) {
        SmileSpline<T> s = new SmileSpline<>(k, w, End.NATURAL, End.NATURAL);
        // Each end switches at most once, from natural to flat; clamping one end moves the other's slope.
        for (int round = 0; round < 2; round++) {
            End l = s.left == End.NATURAL && s.leftSlope.getReal() > 0 ? End.FLAT : s.left;
            End r = s.right == End.NATURAL && s.rightSlope.getReal() < 0 ? End.FLAT : s.right;
            if (l == s.left && r == s.right) {
                break;
            }
            s = new SmileSpline<>(k, w, l, r);
        }
        return s;
    }

    private T[] secondDerivatives() {
        int n = k.length - 1;
        T zero = Fn.constant(k[0], 0.0);
        T[] diag = MathArrays.buildArray(k[0].getField(), n + 1);
        T[] upper = MathArrays.buildArray(k[0].getField(), n + 1);
        T[] lower = MathArrays.buildArray(k[0].getField(), n + 1);
        T[] rhs = MathArrays.buildArray(k[0].getField(), n + 1);
        T[] slope = MathArrays.buildArray(k[0].getField(), n);
        for (int j = 0; j < n; j++) {
            slope[j] = w[j + 1].subtract(w[j]).divide(h[j]);
        }
        // row 0: natural M_0 = 0, or flat 2 h_0 M_0 + h_0 M_1 = 6 (slope_0 - 0)
        lower[0] = zero;
        if (left == End.NATURAL) {
            diag[0] = Fn.constant(k[0], 1.0);
            upper[0] = zero;
            rhs[0] = zero;
        } else {
            diag[0] = h[0].multiply(2);
            upper[0] = h[0];
            rhs[0] = slope[0].multiply(6);
        }
        for (int j = 1; j < n; j++) {
            lower[j] = h[j - 1];
            diag[j] = h[j - 1].add(h[j]).multiply(2);
            upper[j] = h[j];
            rhs[j] = slope[j].subtract(slope[j - 1]).multiply(6);
        }
        // row n: natural M_n = 0, or flat h M_{n-1} + 2 h M_n = 6 (0 - slope_{n-1})
        upper[n] = zero;
        if (right == End.NATURAL) {
            lower[n] = zero;
            diag[n] = Fn.constant(k[0], 1.0);
            rhs[n] = zero;
        } else {
            lower[n] = h[n - 1];
            diag[n] = h[n - 1].multiply(2);
            rhs[n] = slope[n - 1].multiply(-6);
        }
        // Thomas: eliminate below the diagonal, then substitute back.
        for (int j = 1; j <= n; j++) {
            T f = lower[j].divide(diag[j - 1]);
            diag[j] = diag[j].subtract(f.multiply(upper[j - 1]));
            rhs[j] = rhs[j].subtract(f.multiply(rhs[j - 1]));
        }
        T[] x = MathArrays.buildArray(k[0].getField(), n + 1);
        x[n] = rhs[n].divide(diag[n]);
        for (int j = n - 1; j >= 0; j--) {
            x[j] = rhs[j].subtract(upper[j].multiply(x[j + 1])).divide(diag[j]);
        }
        return x;
    }

    /** {@code w}, {@code dw/dk} and {@code d2w/dk2} at {@code x}; linear wings beyond the end nodes. */
    Jet<T> at(T x) {
        int n = k.length - 1;
        double v = x.getReal();
        if (v < k[0].getReal()) {
            return new Jet<>(w[0].add(leftSlope.multiply(x.subtract(k[0]))), leftSlope, Fn.constant(x, 0.0));
        }
        if (v > k[n].getReal()) {
            return new Jet<>(w[n].add(rightSlope.multiply(x.subtract(k[n]))), rightSlope, Fn.constant(x, 0.0));
        }
        int j = segment(v);
        T hj = h[j];
        T a = k[j + 1].subtract(x).divide(hj);
        T b = x.subtract(k[j]).divide(hj);
        T h2 = hj.multiply(hj).divide(6);
        T value = a.multiply(w[j]).add(b.multiply(w[j + 1]))
                .add(a.multiply(a).subtract(1).multiply(a).multiply(m[j]).add(b.multiply(b).subtract(1).multiply(b)
                        .multiply(m[j + 1])).multiply(h2));
        T dk = w[j + 1].subtract(w[j]).divide(hj)
                .subtract(a.multiply(a).multiply(3).subtract(1).multiply(hj).multiply(m[j]).divide(6))
                .add(b.multiply(b).multiply(3).subtract(1).multiply(hj).multiply(m[j + 1]).divide(6));
        T dkk = a.multiply(m[j]).add(b.multiply(m[j + 1]));
        return new Jet<>(value, dk, dkk);
    }

    /** The segment {@code [k_j, k_{j+1}]} holding {@code v}: the last node belongs to the last segment. */
    private int segment(double v) {
        int lo = 0;
        int hi = k.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (k[mid].getReal() <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The wing slope below the first node. */
    T leftSlope() {
        return leftSlope;
    }

    /** The wing slope above the last node. */
    T rightSlope() {
        return rightSlope;
    }

    End leftEnd() {
        return left;
    }

    End rightEnd() {
        return right;
    }

    int nodes() {
        return k.length;
    }

    T node(int j) {
        return k[j];
    }
}
