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
