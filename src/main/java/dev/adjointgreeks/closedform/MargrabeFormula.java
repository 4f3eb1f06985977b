package dev.adjointgreeks.closedform;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;

/** Margrabe's exchange option {@code max(S1 - S2, 0)}: Black-Scholes in units of asset 2; independent of r. */
public final class MargrabeFormula {

    private MargrabeFormula() {
    }

    public static <T extends RealFieldElement<T>> T price(T s1, T s2, T vol1, T vol2, T q1, T q2, T corr, T maturity) {
        T a = s1.multiply(q1.multiply(maturity).negate().exp());
        T b = s2.multiply(q2.multiply(maturity).negate().exp());
        T variance = vol1.multiply(vol1).add(vol2.multiply(vol2)).subtract(vol1.multiply(vol2).multiply(corr).multiply(2.0));
        T sd = variance.multiply(maturity).sqrt();
        if (sd.getReal() == 0.0) {
            return Fn.positivePart(a.subtract(b));
        }
        T d1 = a.divide(b).log().divide(sd).add(sd.multiply(0.5));
        T d2 = d1.subtract(sd);
        return a.multiply(Fn.normCdf(d1)).subtract(b.multiply(Fn.normCdf(d2)));
    }
}
