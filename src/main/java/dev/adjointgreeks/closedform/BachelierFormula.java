package dev.adjointgreeks.closedform;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;

/**
 * The Bachelier (normal) model's closed forms, for any field. Every payoff here is a function of
 * one normal variable X with mean {@code m} and deviation {@code s} (a terminal spot, an
 * arithmetic average of spots, a basket, a spread), so one formula prices them all:
 * {@code E[max(sign (X - K), 0)] = sign (m - K) Phi(sign d) + s phi(d)} and
 * {@code P(sign (X - K) > 0) = Phi(sign d)}, {@code d = (m - K) / s}. {@code sign} is +1 for a
 * call, -1 for a put.
 */
public final class BachelierFormula {

    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private BachelierFormula() {
    }

    /** {@code df E[max(sign (X - K), 0)]} for X normal(mean, deviation). */
    public static <T extends RealFieldElement<T>> T option(double sign, T mean, T deviation, T strike, T df) {
        T distance = mean.subtract(strike).multiply(sign);
        if (deviation.getReal() == 0.0) {
            return Fn.positivePart(distance).multiply(df);
        }
        T d = distance.divide(deviation);
        // the density written out: Fn.normPdf's generic branch derives pi from acos(-1), whose
        // infinite slope gives derivative structures NaN
        T density = d.multiply(d).multiply(-0.5).exp().multiply(INV_SQRT_2PI);
        return distance.multiply(Fn.normCdf(d)).add(deviation.multiply(density)).multiply(df);
    }

    /** {@code df payout P(sign (X - K) > 0)} for X normal(mean, deviation). */
    public static <T extends RealFieldElement<T>> T digital(double sign, T mean, T deviation, T strike, T df,
            double payout) {
        T distance = mean.subtract(strike).multiply(sign);
        if (deviation.getReal() == 0.0) {
            return Fn.select(distance, df.multiply(payout), Fn.constant(df, 0.0));
        }
        return Fn.normCdf(distance.divide(deviation)).multiply(df).multiply(payout);
    }

    /** The forward {@code S e^{(r - q) t}}. */
    public static <T extends RealFieldElement<T>> T forward(T spot, T rate, T dividend, T t) {
        return rate.subtract(dividend).multiply(t).exp().multiply(spot);
    }

    /** {@code e^{-r t}}. */
    public static <T extends RealFieldElement<T>> T discount(T rate, T t) {
        return rate.multiply(t).negate().exp();
    }

    /** European option on one asset. */
    public static <T extends RealFieldElement<T>> T european(double sign, T spot, T strike, T maturity, T rate,
            T dividend, T vol) {
        return option(sign, forward(spot, rate, dividend, maturity), vol.multiply(maturity.sqrt()), strike,
                discount(rate, maturity));
    }

    /** Cash-or-nothing digital on one asset. */
    public static <T extends RealFieldElement<T>> T digital(double sign, T spot, T strike, T maturity, T rate,
            T dividend, T vol, double payout) {
        return digital(sign, forward(spot, rate, dividend, maturity), vol.multiply(maturity.sqrt()), strike,
                discount(rate, maturity), payout);
    }

    /**
     * Arithmetic-average Asian option on {@code n} fixings at {@code i T / n}, i = 1..n: the average
     * is normal with mean {@code (1/n) sum_i F(t_i)} and variance {@code vol^2 T (n+1)(2n+1) / (6 n^2)}
     * (from {@code Cov(W_s, W_t) = min(s, t)}). Exact.
     */
    public static <T extends RealFieldElement<T>> T arithmeticAsian(double sign, T spot, T strike, T maturity, T rate,
            T dividend, T vol, int n) {
        T mean = Fn.constant(spot, 0.0);
        for (int i = 1; i <= n; i++) {
            mean = mean.add(forward(spot, rate, dividend, maturity.multiply((double) i / n)));
        }
        mean = mean.divide(n);
        T deviation = vol.multiply(maturity.multiply((n + 1.0) * (2.0 * n + 1.0) / (6.0 * n * n)).sqrt());
        return option(sign, mean, deviation, strike, discount(rate, maturity));
    }

    /**
     * Option on {@code sum_i w_i S_i(T)} of correlated assets ({@code corr[i][j]}, ones on the
     * diagonal): mean {@code sum_i w_i F_i(T)}, variance {@code T sum_ij w_i w_j vol_i vol_j corr_ij}.
     * An exchange option is the basket (1, -1) struck at 0.
     */
    public static <T extends RealFieldElement<T>> T basket(double sign, double[] weights, T[] spots, T[] vols,
            T[] dividends, T rate, T[][] corr, T strike, T maturity) {
        int n = weights.length;
        T mean = Fn.constant(strike, 0.0);
        T variance = Fn.constant(strike, 0.0);
        for (int i = 0; i < n; i++) {
            mean = mean.add(forward(spots[i], rate, dividends[i], maturity).multiply(weights[i]));
            for (int j = 0; j < n; j++) {
                variance = variance.add(vols[i].multiply(vols[j]).multiply(corr[i][j]).multiply(weights[i] * weights[j]));
            }
        }
        T deviation = variance.getReal() > 0 ? variance.multiply(maturity).sqrt() : Fn.constant(strike, 0.0);
        return option(sign, mean, deviation, strike, discount(rate, maturity));
    }
}
