package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.spec.FieldException;

/** The small payoff pieces products share. */
final class Payoffs {

    private Payoffs() {
    }

    /** {@code max(sign (underlying - strike), 0)}. */
    static <T extends RealFieldElement<T>> T vanilla(OptionType type, T underlying, T strike) {
        T intrinsic = type == OptionType.CALL ? underlying.subtract(strike) : strike.subtract(underlying);
        return Fn.positivePart(intrinsic);
    }

    /**
     * {@code E[max(sign (e^X - K), 0)]} for {@code X ~ N(m, s^2)}, {@code s > 0}: the Black-Scholes
     * formula on the step's forward {@code F = e^{m + s^2/2}},
     * {@code sign (F Phi(sign (d + s)) - K Phi(sign d))} with {@code d = (m - ln K) / s}.
     */
    static <T extends RealFieldElement<T>> T lognormalVanilla(OptionType type, T m, T s, T strike, T logStrike) {
        double sign = type.sign();
        T d = m.subtract(logStrike).divide(s);
        T forward = m.add(s.multiply(s).multiply(0.5)).exp();
        T above = Fn.normCdf(d.add(s).multiply(sign));
        T paid = Fn.normCdf(d.multiply(sign));
        return forward.multiply(above).subtract(paid.multiply(strike)).multiply(sign);
    }

    /**
     * {@code E[max(sign (X - K), 0)]} for {@code X ~ N(m, s^2)}, {@code s > 0}: the Bachelier formula
     * {@code sign (m - K) Phi(sign d) + s phi(d)} with {@code d = (m - K) / s}.
     */
    static <T extends RealFieldElement<T>> T normalVanilla(OptionType type, T m, T s, T strike) {
        double sign = type.sign();
        T moneyness = m.subtract(strike);
        T d = moneyness.divide(s);
        return moneyness.multiply(sign).multiply(Fn.normCdf(d.multiply(sign))).add(normPdf(d).multiply(s));
    }

    /**
     * The standard normal density as {@code e^{-x^2/2} / sqrt(2 pi)} in field operations: exact
     * derivatives on every field ({@code Fn.normPdf} takes pi as {@code acos(-1)}, whose
     * DerivativeStructure carries the infinite slope of acos at -1 into NaN derivatives).
     */
    static <T extends RealFieldElement<T>> T normPdf(T x) {
        return x.multiply(x).multiply(-0.5).exp().multiply(INV_SQRT_2PI);
    }

    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    static void checkMaturity(double maturity) {
        if (!Double.isFinite(maturity) || !(maturity > 0)) {
            throw new FieldException("maturity", "must be > 0 years");
        }
    }

    static void checkStrike(double strike) {
        if (!Double.isFinite(strike) || !(strike > 0)) {
            throw new FieldException("strike", "must be > 0");
        }
    }
}
