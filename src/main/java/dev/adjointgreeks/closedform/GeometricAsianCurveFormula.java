package dev.adjointgreeks.closedform;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.curve.ZeroCurve;

/**
 * The geometric-average Asian option on n fixings at {@code t_i = i T / n} under a discount curve
 * and a dividend (or borrow) yield curve, each fixing at its own forward. Under Black-Scholes with
 * deterministic rates, {@code ln S(t_i) = ln F(t_i) - vol^2 t_i / 2 + vol W(t_i)} with
 * {@code ln F(t) = ln S + y_r(t) - y_q(t)} ({@code y = z t}, the curves' integrals), so the log of
 * the average is normal with
 * <ul>
 * <li>mean {@code ln S + (1/n) sum_i (y_r(t_i) - y_q(t_i)) - vol^2 T (n+1) / (4n)},
 * <li>variance {@code vol^2 T (n+1)(2n+1) / (6 n^2)}, as under flat rates (the curves are
 *     deterministic and do not touch the Brownian part),
 * </ul>
 * and the payoff is discounted with the curve's {@code DF(T)}. Flat curves give
 * {@link GeometricAsianFormula}; one fixing gives Black-Scholes with {@code z(T)} and {@code q(T)}.
 * Every pillar read by a fixing gets its sensitivity, through whatever field the curves are in.
 */
public final class GeometricAsianCurveFormula {

    private GeometricAsianCurveFormula() {
    }

    public static <T extends RealFieldElement<T>> T price(CallPut type, T spot, T strike, T maturity,
            ZeroCurve<T> discount, ZeroCurve<T> dividend, T vol, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("an Asian option needs at least one fixing (" + n + ")");
        }
        T carry = null;     // sum_i y_r(t_i) - y_q(t_i)
        for (int i = 1; i <= n; i++) {
            T t = i == n ? maturity : maturity.multiply((double) i / n);
            T term = discount.integral(t).subtract(dividend.integral(t));
            carry = carry == null ? term : carry.add(term);
        }
        T df = discount.discountFactor(maturity);
        T volSq = vol.multiply(vol);
        T mean = spot.log().add(carry.divide(n)).subtract(volSq.multiply(maturity).multiply((n + 1.0) / (4.0 * n)));
        T variance = volSq.multiply(maturity).multiply((n + 1.0) * (2.0 * n + 1.0) / (6.0 * n * n));
        T forward = mean.add(variance.multiply(0.5)).exp();
        if (variance.getReal() == 0.0) {
            T intrinsic = type.isCall() ? forward.subtract(strike) : strike.subtract(forward);
            return Fn.positivePart(intrinsic).multiply(df);
        }
        T sd = variance.sqrt();
        T d1 = mean.subtract(strike.log()).add(variance).divide(sd);
        T d2 = d1.subtract(sd);
        if (type.isCall()) {
            return forward.multiply(Fn.normCdf(d1)).subtract(strike.multiply(Fn.normCdf(d2))).multiply(df);
        }
        return strike.multiply(Fn.normCdf(d2.negate())).subtract(forward.multiply(Fn.normCdf(d1.negate()))).multiply(df);
    }
}
