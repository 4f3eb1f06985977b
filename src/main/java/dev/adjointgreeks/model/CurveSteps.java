package dev.adjointgreeks.model;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.curve.ZeroCurve;

/**
 * The deterministic part of an equal-step grid {@code t_k = k dt} under a discount curve r and a
 * carry curve q (a dividend or borrow yield), shared by every equity model that reads curves:
 * each step's carry {@code int_{t_{k-1}}^{t_k} (r - q)}, exact over the step
 * ({@link ZeroCurve#stepIntegral}); the carry to a date {@code int_0^{t_k} (r - q)} (a forward's
 * exponent, exact to maturity: {@code t_N} is the maturity itself, not {@code N dt}); and the
 * numeraire {@code DF(t_k)}.
 *
 * <p>The {@code flat...} methods are today's expressions for a flat rate and dividend, node for
 * node, so a model that keeps them for rows without a curve keeps today's numbers bit for bit. A
 * row with any curve reads both as curves (a flat value beside a curve is a one-pillar curve,
 * {@link CurveInput#flat}), which agrees with the flat expressions to 1e-14 relative.
 */
final class CurveSteps {

    private CurveSteps() {
    }

    /** Whether both inputs are today's flat scalars (no curve on the row): the models keep today's code. */
    static boolean flat(CurveInput discount, CurveInput dividend) {
        return discount.block().shape() == InputBlock.Shape.SCALAR && dividend.block().shape() == InputBlock.Shape.SCALAR;
    }

    /** Today's {@code exp(-r dt k)}, k = 0..steps. */
    static <T extends RealFieldElement<T>> T[] flatDiscount(T rate, T dt, int steps) {
        T[] discount = MathArrays.buildArray(rate.getField(), steps + 1);
        T minusRDt = rate.multiply(dt).negate();
        for (int k = 0; k <= steps; k++) {
            discount[k] = minusRDt.multiply(k).exp();
        }
        return discount;
    }

    /** {@code DF(t_k)} of the curve, k = 0..steps, the last date the maturity itself. */
    static <T extends RealFieldElement<T>> T[] discount(ZeroCurve<T> r, T dt, T maturity, int steps) {
        T[] discount = MathArrays.buildArray(dt.getField(), steps + 1);
        discount[0] = r.discountFactor(dt.multiply(0));
        for (int k = 1; k <= steps; k++) {
            discount[k] = r.discountFactor(k == steps ? maturity : dt.multiply(k));
        }
        return discount;
    }

    /** Today's flat carry of every step, {@code (r - q) dt}: one node, at k = 0..steps. */
    static <T extends RealFieldElement<T>> T[] flatStepCarry(T rate, T dividend, T dt, int steps) {
        T[] carry = MathArrays.buildArray(rate.getField(), steps + 1);
        java.util.Arrays.fill(carry, rate.subtract(dividend).multiply(dt));
        return carry;
    }

    /** Step k's carry {@code int (r - q)} over {@code [t_{k-1}, t_k]}, k = 1..steps ([0] = [1]), exact. */
    static <T extends RealFieldElement<T>> T[] stepCarry(ZeroCurve<T> r, ZeroCurve<T> q, T dt, int steps) {
        T[] carry = MathArrays.buildArray(dt.getField(), steps + 1);
        for (int k = 1; k <= steps; k++) {
            T start = dt.multiply(k - 1);
            carry[k] = r.stepIntegral(start, dt).subtract(q.stepIntegral(start, dt));
        }
        carry[0] = carry[1];
        return carry;
    }

    /** A log-spot's drift of step k: its carry less {@code halfVariance} ({@code vol^2 dt / 2}), k = 1..steps ([0] = [1]). */
    static <T extends RealFieldElement<T>> T[] logDrift(ZeroCurve<T> r, ZeroCurve<T> q, T dt, int steps, T halfVariance) {
        T[] drift = stepCarry(r, q, dt, steps);
        for (int k = 1; k <= steps; k++) {
            drift[k] = drift[k].subtract(halfVariance);
        }
        drift[0] = drift[1];
        return drift;
    }

    /** The carry to date k, {@code int_0^{t_k} (r - q)}, k = 1..steps ([0] unset), the last to the maturity itself. */
    static <T extends RealFieldElement<T>> T[] carryTo(ZeroCurve<T> r, ZeroCurve<T> q, T dt, T maturity, int steps) {
        T[] carry = MathArrays.buildArray(dt.getField(), steps + 1);
        for (int k = 1; k <= steps; k++) {
            T t = k == steps ? maturity : dt.multiply(k);
            carry[k] = r.integral(t).subtract(q.integral(t));
        }
        return carry;
    }
}
