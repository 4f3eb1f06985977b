package dev.adjointgreeks.closedform;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;

/**
 * Geometric-average Asian option on n fixings at {@code i T / n}, i = 1..n: the log of the average
 * is normal with mean {@code ln S + (r - q - vol^2/2) T (n+1)/(2n)} and variance
 * {@code vol^2 T (n+1)(2n+1)/(6 n^2)}.
 */
public final class GeometricAsianFormula {

    private GeometricAsianFormula() {
    }

    public static <T extends RealFieldElement<T>> T price(CallPut type, T spot, T strike, T maturity, T rate,
            T dividend, T vol, int n) {
        T df = rate.multiply(maturity).negate().exp();
        T mean = spot.log().add(rate.subtract(dividend).subtract(vol.multiply(vol).multiply(0.5))
                .multiply(maturity).multiply((n + 1.0) / (2.0 * n)));
        T variance = vol.multiply(vol).multiply(maturity).multiply((n + 1.0) * (2.0 * n + 1.0) / (6.0 * n * n));
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
