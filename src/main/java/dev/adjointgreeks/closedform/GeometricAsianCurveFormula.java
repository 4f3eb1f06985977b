package dev.adjointgreeks.closedform;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;

/**
 * The geometric-average Asian option on n fixings at {@code t_i = i T / n} under term structures,
 * each fixing at its own forward. Under Black-Scholes with deterministic rates and yields,
 * {@code ln S(t_i) = ln S + c_i - vol^2 t_i / 2 + vol W(t_i)}, where {@code c_i} is the carry to the
 * fixing, {@code y_r(t_i) - y_q(t_i)} ({@code y = z t} of the discount and the dividend curve, so
 * {@code ln F(t_i) = ln S + c_i}). The log of the average is then normal with
 * <ul>
 * <li>mean {@code ln S + (1/n) sum_i c_i - vol^2 T (n+1) / (4n)},
 * <li>variance {@code vol^2 T (n+1)(2n+1) / (6 n^2)}, as under flat rates (deterministic curves do
 *     not touch the Brownian part),
 * </ul>
 * and the payoff is discounted with {@code DF(T)}. The caller reads {@code c_i} and {@code DF(T)}
 * from its curves ({@code curve.ZeroCurve#integral}, {@code #discountFactor}), so this package still
 * depends on {@code ad} alone and every pillar a fixing reads gets its sensitivity through the
 * caller's field. Flat rates ({@code c_i = (r - q) t_i}, {@code DF = e^{-rT}}) give
 * {@link GeometricAsianFormula}; one fixing gives Black-Scholes at {@code z(T)} and {@code q(T)}.
 */
public final class GeometricAsianCurveFormula {

    private GeometricAsianCurveFormula() {
    }

    /**
     * @param discountFactor {@code DF(T)}
     * @param carry {@code c_i} for the fixings {@code t_i = (i + 1) T / n}, i = 0..n-1 (n = its length)
     */
    public static <T extends RealFieldElement<T>> T price(CallPut type, T spot, T strike, T maturity,
            T discountFactor, T[] carry, T vol) {
        int n = carry.length;
        if (n < 1) {
            throw new IllegalArgumentException("an Asian option needs at least one fixing");
        }
        T sum = carry[0];
        for (int i = 1; i < n; i++) {
            sum = sum.add(carry[i]);
        }
        T volSq = vol.multiply(vol);
        T mean = spot.log().add(sum.divide(n)).subtract(volSq.multiply(maturity).multiply((n + 1.0) / (4.0 * n)));
        T variance = volSq.multiply(maturity).multiply((n + 1.0) * (2.0 * n + 1.0) / (6.0 * n * n));
        T forward = mean.add(variance.multiply(0.5)).exp();
        if (variance.getReal() == 0.0) {
            T intrinsic = type.isCall() ? forward.subtract(strike) : strike.subtract(forward);
            return Fn.positivePart(intrinsic).multiply(discountFactor);
        }
        T sd = variance.sqrt();
        T d1 = mean.subtract(strike.log()).add(variance).divide(sd);
        T d2 = d1.subtract(sd);
        if (type.isCall()) {
            return forward.multiply(Fn.normCdf(d1)).subtract(strike.multiply(Fn.normCdf(d2))).multiply(discountFactor);
        }
        return strike.multiply(Fn.normCdf(d2.negate())).subtract(forward.multiply(Fn.normCdf(d1.negate())))
                .multiply(discountFactor);
    }
}
